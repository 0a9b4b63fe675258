using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

public sealed class SqliteSupersessionStoreTests(SqliteEngine engine) : SupersessionStoreTests(engine), IClassFixture<SqliteEngine>;
