namespace ApprovalHub.Host.Cli;

public static class BpmnCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        stderr.WriteLine("usage: bpmn validate FILE... [--json]");
        return Task.FromResult(2);
    }
}
