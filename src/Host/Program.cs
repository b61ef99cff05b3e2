using ApprovalHub.Host.Cli;

if (args.Length > 0 && args[0] == "bpmn")
{
    return await BpmnCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
await app.RunAsync();
return 0;
