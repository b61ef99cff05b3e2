using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

// Every engine specification runs on every store: one derived class per store and feature.
public sealed class FlowTestsInMemory() : FlowTests(new MemoryStores());

public sealed class GatewayTestsInMemory() : GatewayTests(new MemoryStores());
