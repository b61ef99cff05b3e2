namespace ApprovalHub.Supervision.Handlers;

/// <summary>
/// A process called a handler without a variable it needs, or with one of the wrong shape: a
/// modelling or integration fault, not a business outcome. The engine retries, then raises an
/// incident whose message names the variable, and an operator may fix it and retry.
/// </summary>
public sealed class HandlerInputException(string message) : InvalidOperationException(message);
