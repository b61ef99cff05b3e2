using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ApprovalHub.Host.Definitions;

/// <summary>
/// Reads a raw XML request body, refusing anything that is not XML or is larger than the limit.
/// The limit is enforced while reading, not only from Content-Length, because chunked uploads
/// have none.
/// </summary>
internal static class XmlRequestBody
{
    public static readonly string[] ContentTypes = ["application/xml", "text/xml"];

    public static async Task<(string? Xml, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request,
        long maxBytes,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsXml(mediaType))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be BPMN XML",
                detail: $"Send the BPMN file as the request body with Content-Type {string.Join(" or ", ContentTypes)}; got '{request.ContentType}'."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the endpoint's RequestSizeLimit metadata before we count.
            return (null, TooLarge(maxBytes));
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, mediaType.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken), null);
    }

    // Routing already answers 415 for other types (the endpoints declare Accepts); this keeps the
    // reader safe wherever else it is used.
    private static bool IsXml(MediaTypeHeaderValue mediaType) =>
        ContentTypes.Any(t => mediaType.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The BPMN file is too large",
        detail: $"The limit is {maxBytes / (1024 * 1024)} MB. Real process models are far smaller; check that the right file was sent.");
}
