namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// Endpoint metadata: this read returns personal data (names, contacts, who works where), so the
/// audit trail records it like a command. Add with <see cref="PersonalDataReadExtensions.ReadsPersonalData{TBuilder}"/>.
/// </summary>
public sealed class PersonalDataRead
{
    /// <summary>The one instance; the marker carries no data.</summary>
    public static PersonalDataRead Instance { get; } = new();

    private PersonalDataRead()
    {
    }
}

/// <summary>Marks endpoints whose reads are audited.</summary>
public static class PersonalDataReadExtensions
{
    /// <summary>Records every call of the endpoint in the audit trail.</summary>
    public static TBuilder ReadsPersonalData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(PersonalDataRead.Instance);
}
