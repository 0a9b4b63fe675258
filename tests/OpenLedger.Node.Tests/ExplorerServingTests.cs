using System.Net;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests;

/// <summary>The node serves the explorer's bundle at /explorer/ (copied beside the binary by the build), or says how to build it.</summary>
[Collection(LoadedNodeCollection.Name)]
public sealed class ExplorerServingTests(LoadedNode node)
{
    [Fact]
    public async Task The_page_and_its_files_are_served_and_the_root_and_bare_path_redirect_to_it()
    {
        var client = node.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/explorer/", root.Headers.Location!.ToString());
        using var bare = await client.GetAsync("/explorer");
        Assert.Equal("/explorer/", bare.Headers.Location!.ToString());
        using var page = await client.GetAsync("/explorer/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<script type=\"module\" src=\"explorer.js\">", await page.Content.ReadAsStringAsync());
        using var script = await client.GetAsync("/explorer/explorer.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var missing = await client.GetAsync("/explorer/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_node_without_the_bundle_still_serves_its_api_and_says_how_to_build_the_explorer()
    {
        using var empty = new TempDirectory();
        var settings = NodeFactory.Settings(node.Chain.Url, node.DeploymentFile, empty.File("index.db"));
        settings["Explorer:BundleDirectory"] = empty.Path;
        await using var factory = new NodeFactory(settings);
        var client = factory.CreateClient();
        var problem = await client.GetJsonAsync("/explorer/", HttpStatusCode.NotFound);
        Assert.Equal("Explorer not built", problem["title"]!.GetValue<string>());
        Assert.Contains("run scripts/install.sh, then dotnet build", problem["detail"]!.GetValue<string>());
        await client.GetJsonAsync("/contracts");
    }
}
