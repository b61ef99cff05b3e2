using System.ComponentModel.DataAnnotations;

namespace ApprovalHub.Host.Database;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Database";

    /// <summary>
    /// <c>Sqlite</c> (default) or <c>Postgres</c>. Kept as text and checked here, rather than bound
    /// to the enum, so a typo fails startup with a message that lists the choices.
    /// </summary>
    [Required]
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>An ADO.NET connection string for the provider.</summary>
    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply pending migrations at startup (default true: the embedded, single-node case).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The parsed <see cref="Provider"/>; valid once the options have been validated.</summary>
    /// <remarks>A method, not a property: data-annotation validation reads every property, and this one throws before validation.</remarks>
    public DatabaseProvider GetProvider() => TryParseProvider(Provider, out var kind)
        ? kind
        : throw new InvalidOperationException($"Database:Provider '{Provider}' is not valid; options validation should have stopped startup.");

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryParseProvider(Provider, out _))
        {
            yield return new ValidationResult(
                $"Database:Provider '{Provider}' is not supported. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.",
                [nameof(Provider)]);
        }
    }

    internal static bool TryParseProvider(string? value, out DatabaseProvider provider)
    {
        provider = default;

        // Enum.TryParse also accepts numbers ("1"); only the names are valid configuration.
        return value is not null
               && Enum.GetNames<DatabaseProvider>().Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
               && Enum.TryParse(value.Trim(), ignoreCase: true, out provider);
    }
}
