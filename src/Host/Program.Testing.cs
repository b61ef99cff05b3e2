// WebApplicationFactory<Program> in tests/Host.Tests needs this type to find the entry point. The
// compiler makes the Program class of top-level statements internal, and InternalsVisibleTo is not
// enough: the tests' factory class is public, so its base type's type argument must be public too.
public partial class Program;
