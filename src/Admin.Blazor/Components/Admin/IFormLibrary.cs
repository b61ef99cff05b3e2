namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>The form-js schemas the definitions use (<c>definitions/forms/*.form</c>), for the form editor.</summary>
public interface IFormLibrary
{
    /// <summary>Form keys (file names without <c>.form</c>), sorted.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The schema JSON of a form, or null when there is no such form.</summary>
    Task<string?> LoadAsync(string formKey, CancellationToken cancellationToken);
}
