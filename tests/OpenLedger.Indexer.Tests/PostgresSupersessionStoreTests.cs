using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

public sealed class PostgresSupersessionStoreTests(PostgresEngine engine) : SupersessionStoreTests(engine), IClassFixture<PostgresEngine>;
