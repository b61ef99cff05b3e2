using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

// Every engine specification runs on every store: one derived class per store and feature. SQLite
// gets a database file per test; PostgreSQL a database per class (PostgresStores).
public sealed class FlowTestsInMemory() : FlowTests(new MemoryStores());

public sealed class FlowTestsOnSqlite() : FlowTests(new SqliteStores());

public sealed class FlowTestsOnPostgres(PostgresStores stores) : FlowTests(stores), IClassFixture<PostgresStores>;

public sealed class GatewayTestsInMemory() : GatewayTests(new MemoryStores());

public sealed class GatewayTestsOnSqlite() : GatewayTests(new SqliteStores());

public sealed class GatewayTestsOnPostgres(PostgresStores stores) : GatewayTests(stores), IClassFixture<PostgresStores>;

public sealed class ScopeTestsInMemory() : ScopeTests(new MemoryStores());

public sealed class ScopeTestsOnSqlite() : ScopeTests(new SqliteStores());

public sealed class ScopeTestsOnPostgres(PostgresStores stores) : ScopeTests(stores), IClassFixture<PostgresStores>;

public sealed class MultiInstanceTestsInMemory() : MultiInstanceTests(new MemoryStores());

public sealed class MultiInstanceTestsOnSqlite() : MultiInstanceTests(new SqliteStores());

public sealed class MultiInstanceTestsOnPostgres(PostgresStores stores) : MultiInstanceTests(stores), IClassFixture<PostgresStores>;

public sealed class EventTestsInMemory() : EventTests(new MemoryStores());

public sealed class EventTestsOnSqlite() : EventTests(new SqliteStores());

public sealed class EventTestsOnPostgres(PostgresStores stores) : EventTests(stores), IClassFixture<PostgresStores>;

public sealed class TaskKindTestsInMemory() : TaskKindTests(new MemoryStores());

public sealed class TaskKindTestsOnSqlite() : TaskKindTests(new SqliteStores());

public sealed class TaskKindTestsOnPostgres(PostgresStores stores) : TaskKindTests(stores), IClassFixture<PostgresStores>;

public sealed class StoreContractTestsInMemory() : StoreContractTests(new MemoryStores());

public sealed class StoreContractTestsOnSqlite() : StoreContractTests(new SqliteStores());

public sealed class StoreContractTestsOnPostgres(PostgresStores stores) : StoreContractTests(stores), IClassFixture<PostgresStores>;

public sealed class JobTestsInMemory() : JobTests(new MemoryStores());

public sealed class JobTestsOnSqlite() : JobTests(new SqliteStores());

public sealed class JobTestsOnPostgres(PostgresStores stores) : JobTests(stores), IClassFixture<PostgresStores>;

public sealed class TaskOperationTestsInMemory() : TaskOperationTests(new MemoryStores());

public sealed class TaskOperationTestsOnSqlite() : TaskOperationTests(new SqliteStores());

public sealed class TaskOperationTestsOnPostgres(PostgresStores stores) : TaskOperationTests(stores), IClassFixture<PostgresStores>;

// Transactions and stored definitions: only the database stores have them.
public sealed class DatabaseStoreTestsOnSqlite() : DatabaseStoreTests(new SqliteStores());

public sealed class DatabaseStoreTestsOnPostgres(PostgresStores stores) : DatabaseStoreTests(stores), IClassFixture<PostgresStores>;
