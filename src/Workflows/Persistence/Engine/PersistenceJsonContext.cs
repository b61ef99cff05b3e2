using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// Source-generated (de)serializers for the JSON the engine tables hold: no reflection on the hot
/// path of every command, and trimming-safe.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(StoredInstanceState))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The instance used by the store. Chinese text (names, opinions, addresses) is written as is:
    /// the default encoder would turn every character into a six-byte <c>\uXXXX</c>. The text goes
    /// to a database column, never into HTML, so the relaxed encoder is safe here.
    /// </summary>
    public static PersistenceJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
