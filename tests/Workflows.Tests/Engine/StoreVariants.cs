using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

// Every engine specification runs on every store: one derived class per store and feature.
public sealed class FlowTestsInMemory() : FlowTests(new MemoryStores());

public sealed class GatewayTestsInMemory() : GatewayTests(new MemoryStores());

public sealed class ScopeTestsInMemory() : ScopeTests(new MemoryStores());

public sealed class MultiInstanceTestsInMemory() : MultiInstanceTests(new MemoryStores());

public sealed class EventTestsInMemory() : EventTests(new MemoryStores());
public sealed class TaskKindTestsInMemory() : TaskKindTests(new MemoryStores());
