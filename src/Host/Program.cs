using ApprovalHub.Host.Cli;
using ApprovalHub.Host.Extensions;

// CLI verbs run without starting the web host: `dotnet run --project src/Host -- bpmn validate FILE`,
// `... -- audit verify`, `... -- users add-admin NAME`, `... -- seed --devices N`, `... -- iot credentials CODE`.
if (args is ["bpmn" or "audit" or "users" or "seed" or "iot", ..])
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return args[0] switch
    {
        "bpmn" => await BpmnCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellation.Token),
        "audit" => await AuditCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellation.Token),
        "seed" => await SeedCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellation.Token),
        "iot" => await IotCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellation.Token),
        _ => await UsersCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error, cancellation.Token),
    };
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,

    // appsettings*.json sit next to the binary; the current directory is the caller's (see Host.csproj).
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapApplicationEndpoints();
app.AnnounceWhenRunning();

await app.RunAsync();
return 0;
