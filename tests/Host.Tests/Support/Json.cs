using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>Reads API answers the way the host writes them (camelCase, enums as camelCase strings).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken)
        ?? throw new InvalidOperationException($"The response body was empty (HTTP {(int)response.StatusCode}).");
}
