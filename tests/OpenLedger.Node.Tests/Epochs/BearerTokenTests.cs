using OpenLedger.Node.Epochs;

namespace OpenLedger.Node.Tests.Epochs;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData(null, BearerToken.Verdict.Missing)]
    [InlineData("", BearerToken.Verdict.Missing)]
    [InlineData("Basic c2VjcmV0", BearerToken.Verdict.Missing)]
    [InlineData("Bearer ", BearerToken.Verdict.Missing)]
    [InlineData("Bearer secret", BearerToken.Verdict.Valid)]
    [InlineData("bearer secret", BearerToken.Verdict.Valid)]
    [InlineData("Bearer secreT", BearerToken.Verdict.Wrong)]
    [InlineData("Bearer secret2", BearerToken.Verdict.Wrong)]
    [InlineData("Bearer secre", BearerToken.Verdict.Wrong)]
    public void Authorization_header_is_judged(string? header, BearerToken.Verdict expected) =>
        Assert.Equal(expected, BearerToken.Check(header, "secret"));
}
