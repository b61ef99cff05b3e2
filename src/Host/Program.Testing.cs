// WebApplicationFactory<Program> in tests/Host.Tests needs a public type from this assembly to
// find the entry point. The compiler makes the top-level-statements Program internal, and
// InternalsVisibleTo is not enough: the test class exposing the factory is public, so its type
// argument must be public too. (The .NET 10 SDK can generate this declaration; we keep it explicit
// so the reason is written down.)
public partial class Program;
