using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Import;
using ApprovalHub.Supervision.Registry;
using MiniExcelLibs;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>Excel import (all rows or none, with a per-row report) and export, on SQLite and PostgreSQL.</summary>
public abstract class DeviceImportTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private readonly HttpClient _client = database.Factory.CreateClientFor(SignedInClients.Admin);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_workbook_imports_every_row()
    {
        var rows = await NewRowsAsync(3);

        var response = await UploadAsync(rows);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadAsync<ImportReport>(Cancellation);
        Assert.Equal((3, 3), (report.Rows, report.Imported));
        foreach (var row in rows)
        {
            var found = await _client.GetFromJsonAsync<DevicePage>($"/api/registry/devices?code={row["设备代码"]}", Json.Options, Cancellation);
            Assert.Single(found!.Items);
        }
    }

    [Fact]
    public async Task One_bad_row_imports_nothing_and_every_problem_is_reported_with_its_row()
    {
        var rows = await NewRowsAsync(3);
        rows[1]["使用单位信用代码"] = "91330000142916567P";
        rows[2]["投用日期"] = "去年";
        rows[2]["设备品种代码"] = "3010";

        var response = await UploadAsync(rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<JsonObject>(Cancellation);
        Assert.Contains("nothing was imported", problem["detail"]!.GetValue<string>());
        var errors = problem["rowErrors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((3, "使用单位信用代码"), errors);
        Assert.Contains((4, "投用日期"), errors);
        Assert.Contains((4, "设备品种代码"), errors);
        Assert.DoesNotContain(errors, e => e.Row == 2);

        // The good first row did not go in either.
        var first = await _client.GetFromJsonAsync<DevicePage>($"/api/registry/devices?code={rows[0]["设备代码"]}", Json.Options, Cancellation);
        Assert.Empty(first!.Items);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_message()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent("not excel"u8.ToArray()), "file", "devices.xlsx" } };

        var response = await _client.PostAsync("/api/registry/devices/import", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a readable .xlsx workbook", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Export_writes_the_searched_devices_with_the_import_headers()
    {
        var expected = await _client.GetFromJsonAsync<DevicePage>("/api/registry/devices?region=330300&limit=500", Json.Options, Cancellation);

        var bytes = await _client.GetByteArrayAsync("/api/registry/devices/export?region=330300", Cancellation);

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected!.Items.Select(d => d.EquipmentCode), rows.Select(r => (string)r["设备代码"]!));
        Assert.Equal(DeviceSheet.Columns.Select(c => c.Header), rows[0].Keys);
    }

    private async Task<List<Dictionary<string, object?>>> NewRowsAsync(int count)
    {
        var sample = (await _client.GetFromJsonAsync<DevicePage>("/api/registry/devices?category=lift&status=inUse&limit=1", Json.Options, Cancellation))!.Items.Single();
        var details = await _client.GetFromJsonAsync<DeviceDetails>($"/api/registry/devices/{sample.Id}", Json.Options, Cancellation);
        return Enumerable.Range(0, count).Select(i => new Dictionary<string, object?>
        {
            ["设备代码"] = $"311033098{DateTime.UtcNow.Year}{Random.Shared.Next(0, 100_000):D5}",
            ["设备品种代码"] = "3110",
            ["区划代码"] = sample.RegionCode,
            ["使用地点"] = $"导入路{i + 1}号",
            ["使用单位信用代码"] = details!.UserOrganisation!.CreditCode,
            ["设备状态"] = "在用",
            ["使用登记证编号"] = $"梯11浙A{Random.Shared.Next(0, 100_000):D5}(26)",
            ["投用日期"] = "2026-01-15",
            ["检验有效期至"] = new DateTime(2027, 1, 15),
        }).ToList();
    }

    private async Task<HttpResponseMessage> UploadAsync(List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: Cancellation);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var content = new MultipartFormDataContent { { file, "file", "devices.xlsx" } };
        return await _client.PostAsync("/api/registry/devices/import", content, Cancellation);
    }
}

public sealed class SqliteDeviceImportTests(SqliteDatabase database)
    : DeviceImportTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceImportTests(PostgresDatabase database)
    : DeviceImportTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
