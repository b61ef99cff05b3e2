using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace ApprovalHub.Supervision.Import;

/// <summary>One problem in one cell of an imported workbook.</summary>
/// <param name="Row">The sheet row (the header is row 1, the first device row 2).</param>
/// <param name="Column">The column header, or the field name.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>What an import did: on any error, <see cref="Imported"/> is 0 and <see cref="Errors"/> lists every problem.</summary>
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>True when the file went in.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a device list workbook (.xlsx). Policy: <b>all or nothing</b>. Every row is validated
/// and every problem is reported with its row and column; if any row is bad, no row is imported,
/// so a file never half-imports and fixing and re-sending the same file is always safe.
/// </summary>
public sealed record ImportDevices(AccessScope Scope, Stream Workbook) : ICommand<ImportReport>;

internal sealed class ImportDevicesHandler(RegistryDbContext db, TimeProvider timeProvider, IOptions<RegistryOptions> options)
    : ICommandHandler<ImportDevices, ImportReport>
{
    private static readonly Dictionary<string, string> HeaderOfField = DeviceSheet.Columns.ToDictionary(c => c.Field, c => c.Header, StringComparer.Ordinal);

    public async ValueTask<ImportReport> Handle(ImportDevices command, CancellationToken cancellationToken)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = (await MiniExcel.QueryAsync(command.Workbook, useHeaderRow: true, excelType: ExcelType.XLSX, cancellationToken: cancellationToken))
                .Cast<IDictionary<string, object?>>()
                .Take(DeviceSheet.MaxRows + 1)
                .ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or NotSupportedException)
        {
            return new ImportReport(0, 0, [new ImportRowError(0, "file", $"The file is not a readable .xlsx workbook: {ex.Message}")]);
        }

        if (rows.Count > DeviceSheet.MaxRows)
        {
            return new ImportReport(rows.Count, 0, [new ImportRowError(0, "file", $"An import takes at most {DeviceSheet.MaxRows} rows; split the file.")]);
        }

        var missing = DeviceSheet.Columns.Take(5).Select(c => c.Header).Where(h => rows.Count > 0 && !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            return new ImportReport(rows.Count, 0, missing.Select(h => new ImportRowError(1, h, $"The header row has no column '{h}'.")).ToList());
        }

        var errors = new List<ImportRowError>();
        var inputs = new List<DeviceInput>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cellErrors = new FieldErrors();
            inputs.Add(DeviceSheet.Read(rows[i], cellErrors));
            errors.AddRange(ToRowErrors(i, cellErrors));
        }

        var writer = new DeviceWriter(db, options.Value, timeProvider);
        var (devices, rowErrors) = await writer.ValidateAsync(command.Scope, inputs, cancellationToken);
        foreach (var (index, problems) in rowErrors)
        {
            errors.AddRange(ToRowErrors(index, problems));
        }

        if (errors.Count > 0 || rows.Count == 0)
        {
            if (rows.Count == 0)
            {
                errors.Add(new ImportRowError(2, "file", "The workbook has no device rows."));
            }

            return new ImportReport(rows.Count, 0, errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        await writer.InsertAsync(devices.OfType<Equipment.Device>().ToList(), cancellationToken);
        return new ImportReport(rows.Count, rows.Count, []);
    }

    private static IEnumerable<ImportRowError> ToRowErrors(int index, FieldErrors problems) =>
        problems.ToDictionary().SelectMany(e => e.Value.Select(message =>
            new ImportRowError(index + 2, HeaderOfField.GetValueOrDefault(e.Key, e.Key), message)));
}

/// <summary>Writes the devices a search finds (up to <see cref="DeviceSheet.MaxRows"/>) as an .xlsx device list.</summary>
public sealed record ExportDevices(SearchDevices Search) : IQuery<byte[]>;

internal sealed class ExportDevicesHandler(IMediator mediator, RegistryDbContext db) : IQueryHandler<ExportDevices, byte[]>
{
    public async ValueTask<byte[]> Handle(ExportDevices query, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var search = query.Search with { Limit = SearchDevices.MaxLimit, After = null };
        while (ids.Count < DeviceSheet.MaxRows)
        {
            var page = await mediator.Send(search, cancellationToken);
            ids.AddRange(page.Items.Select(d => d.Id));
            if (page.NextAfter is null)
            {
                break;
            }

            search = search with { After = page.NextAfter };
        }

        var devices = new List<Equipment.Device>(ids.Count);
        foreach (var chunk in ids.Take(DeviceSheet.MaxRows).Chunk(1000))
        {
            devices.AddRange(await db.Devices.AsNoTracking().Where(d => chunk.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(cancellationToken));
        }

        var organisationIds = devices.SelectMany(d => new long?[] { d.UserOrganisationId, d.MaintenanceOrganisationId, d.ManufacturerOrganisationId })
            .OfType<long>().Distinct().ToArray();
        var creditCodes = new Dictionary<long, string>();
        foreach (var chunk in organisationIds.Chunk(1000))
        {
            foreach (var organisation in await db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(o => new { o.Id, o.CreditCode }).ToListAsync(cancellationToken))
            {
                creditCodes[organisation.Id] = organisation.CreditCode;
            }
        }

        var rows = devices.Select(d => DeviceSheet.Write(d, creditCodes)).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "设备清单", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
