namespace ApprovalHub.Supervision.Registry;

/// <summary>Input the registry refuses, with the message per field (ProblemDetails <c>errors</c> over HTTP).</summary>
public sealed class RegistryValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException("The input is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    /// <summary>Messages by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The caller's scope does not reach what it asked for.</summary>
public sealed class RegistryAccessDeniedException(string message) : UnauthorizedAccessException(message);

/// <summary>Collects field errors; throws them together, so a clerk sees every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The messages by field.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Throws <see cref="RegistryValidationException"/> if any message was added.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new RegistryValidationException(ToDictionary());
        }
    }
}
