using System.Diagnostics;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Workflows.Tests.Forms;

/// <summary>Server-side validation of form submissions against form-js schemas: every rule, nesting and hostile input.</summary>
public sealed class FormValidatorTests
{
    private const string Schema = """
        {
          "id": "sample", "schemaVersion": 16, "type": "default",
          "components": [
            { "type": "text", "text": "# 说明" },
            { "type": "textfield", "key": "equipmentCode", "label": "设备代码",
              "validate": { "required": true, "pattern": "^[0-9]{20}$", "maxLength": 20 } },
            { "type": "textarea", "key": "reason", "label": "原因", "validate": { "minLength": 5, "maxLength": 10 } },
            { "type": "number", "key": "pressure", "label": "工作压力", "validate": { "min": 0.1, "max": 100 } },
            { "type": "select", "key": "category", "label": "设备种类",
              "values": [ { "value": "3000", "label": "电梯" }, { "value": "4000", "label": "起重机械" } ] },
            { "type": "radio", "key": "kind", "label": "类别", "validate": { "required": true },
              "values": [ { "value": "a", "label": "甲" }, { "value": "b", "label": "乙" } ] },
            { "type": "checkbox", "key": "agree", "label": "已阅知", "validate": { "required": true } },
            { "type": "checkbox", "key": "optional", "label": "可选" },
            { "type": "checklist", "key": "items", "label": "项目",
              "values": [ { "value": "clean", "label": "清洁" }, { "value": "check", "label": "检查" } ], "validate": { "required": true } },
            { "type": "datetime", "subtype": "date", "key": "day", "label": "日期" },
            { "type": "datetime", "subtype": "time", "key": "at", "label": "时间" },
            { "type": "datetime", "subtype": "datetime", "key": "when", "label": "发生时间" },
            { "type": "filepicker", "key": "report", "label": "报告" },
            { "type": "filepicker", "key": "photos", "label": "照片", "multiple": true },
            { "type": "group", "label": "联系人", "components": [
              { "type": "textfield", "key": "contactName", "label": "联系人", "validate": { "required": true } } ] },
            { "type": "group", "label": "作业人员", "path": "person", "components": [
              { "type": "textfield", "key": "idNumber", "label": "身份证号", "validate": { "required": true, "pattern": "^[0-9]{17}[0-9X]$" } } ] },
            { "type": "dynamiclist", "path": "cylinders", "label": "气瓶", "validate": { "maxLength": 3 }, "components": [
              { "type": "textfield", "key": "serialNo", "label": "出厂编号", "validate": { "required": true, "maxLength": 8 } },
              { "type": "number", "key": "volume", "label": "容积", "validate": { "min": 1 } } ] }
          ]
        }
        """;

    private const string Valid = """
        { "equipmentCode": "31101089020260000123", "kind": "a", "agree": true, "items": ["clean"],
          "contactName": "张伟", "person": { "idNumber": "33010619900101123X" } }
        """;

    private static readonly FormSchema Form = FormSchema.Parse(Schema);

    private static FormValidationResult Check(string json) => FormValidator.Validate(Form, json);

    private static string With(string fields) => Valid.TrimEnd()[..^1] + ", " + fields + " }";

    private static void AssertError(string json, string path, string message)
    {
        var result = Check(json);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal((path, message), (error.Path, error.Message));
    }

    [Fact]
    public void A_complete_submission_is_valid()
    {
        var full = With("""
            "reason": "设备长期停用", "pressure": 1.6, "category": "3000", "optional": false, "day": "2026-03-02", "at": "09:30",
            "when": "2026-03-02T09:30:00+08:00", "report": "file-1", "photos": ["p1", "p2"],
            "cylinders": [ { "serialNo": "A1", "volume": 40 }, { "serialNo": "A2" } ]
            """);

        Assert.True(Check(Valid).IsValid, string.Join("; ", Check(Valid).Errors));
        Assert.True(Check(full).IsValid, string.Join("; ", Check(full).Errors));
    }

    [Fact]
    public void Missing_required_fields_are_named_by_their_paths_and_labels()
    {
        var result = Check("{}");

        Assert.Equal(
            [
                ("equipmentCode", "设备代码为必填项"), ("kind", "类别为必填项"), ("agree", "已阅知为必填项"), ("items", "项目为必填项"),
                ("contactName", "联系人为必填项"), ("person.idNumber", "身份证号为必填项"),
            ],
            result.Errors.Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void Null_and_empty_text_count_as_missing()
    {
        AssertError(Valid.Replace("\"31101089020260000123\"", "null", StringComparison.Ordinal), "equipmentCode", "设备代码为必填项");
        AssertError(Valid.Replace("\"31101089020260000123\"", "\"\"", StringComparison.Ordinal), "equipmentCode", "设备代码为必填项");
    }

    [Fact]
    public void Pattern_is_checked() =>
        AssertError(Valid.Replace("31101089020260000123", "3110108902026000012A", StringComparison.Ordinal), "equipmentCode", "设备代码格式不正确");

    [Fact]
    public void Text_lengths_count_characters_not_bytes()
    {
        AssertError(With("\"reason\": \"太短\""), "reason", "原因至少需要5个字");
        AssertError(With("\"reason\": \"一二三四五六七八九十一\""), "reason", "原因最多10个字");
        Assert.True(Check(With("\"reason\": \"一二三四五六七八九十\"")).IsValid);
    }

    [Fact]
    public void A_text_without_max_length_is_still_bounded()
    {
        AssertError(Valid.Replace("\"张伟\"", $"\"{new string('长', FormValidator.DefaultTextfieldMaxLength + 1)}\"", StringComparison.Ordinal),
            "contactName", $"联系人最多{FormValidator.DefaultTextfieldMaxLength}个字");
    }

    [Theory]
    [InlineData("0.05", "工作压力不能小于0.1")]
    [InlineData("100.5", "工作压力不能大于100")]
    [InlineData("\"12\"", "工作压力应为数字")]
    [InlineData("true", "工作压力应为数字")]
    public void Numbers_are_numbers_within_min_and_max(string value, string message) =>
        AssertError(With($"\"pressure\": {value}"), "pressure", message);

    [Fact]
    public void Select_and_radio_accept_only_their_options()
    {
        AssertError(With("\"category\": \"9000\""), "category", "设备种类的值“9000”不在可选项中");
        AssertError(Valid.Replace("\"kind\": \"a\"", "\"kind\": [\"a\"]", StringComparison.Ordinal), "kind", "类别应为单个选项");
        Assert.True(Check(With("\"category\": \"4000\"")).IsValid);
    }

    [Fact]
    public void A_required_checkbox_must_be_ticked_and_a_checkbox_is_a_boolean()
    {
        AssertError(Valid.Replace("\"agree\": true", "\"agree\": false", StringComparison.Ordinal), "agree", "已阅知须勾选");
        AssertError(With("\"optional\": \"yes\""), "optional", "可选应为是或否");
    }

    [Fact]
    public void A_checklist_holds_known_options_and_a_required_one_is_not_empty()
    {
        AssertError(Valid.Replace("[\"clean\"]", "[\"clean\", \"paint\"]", StringComparison.Ordinal), "items[1]", "项目的值“paint”不在可选项中");
        AssertError(Valid.Replace("[\"clean\"]", "[]", StringComparison.Ordinal), "items", "项目至少需要1项");
        AssertError(Valid.Replace("[\"clean\"]", "\"clean\"", StringComparison.Ordinal), "items", "项目应为选项列表");
    }

    [Theory]
    [InlineData("day", "\"2026-02-30\"", "日期应为日期（如 2026-03-02）")]
    [InlineData("day", "\"2026/03/02\"", "日期应为日期（如 2026-03-02）")]
    [InlineData("at", "\"25:00\"", "时间应为时间（如 09:30）")]
    [InlineData("when", "\"2026-03-02 09:30\"", "发生时间应为日期时间（如 2026-03-02T09:30+08:00）")]
    [InlineData("when", "20260302", "发生时间应为日期时间文本")]
    public void Dates_and_times_are_iso_8601(string key, string value, string message) =>
        AssertError(With($"\"{key}\": {value}"), key, message);

    [Theory]
    [InlineData("\"at\": \"09:30Z\"")]
    [InlineData("\"at\": \"09:30:15+08:00\"")]
    [InlineData("\"when\": \"2026-03-02T09:30Z\"")]
    [InlineData("\"when\": \"2026-03-02T09:30:00.123+08:00\"")]
    public void Time_zones_are_accepted(string field) => Assert.True(Check(With(field)).IsValid);

    [Fact]
    public void A_file_reference_is_the_id_of_an_uploaded_file()
    {
        AssertError(With("\"report\": \"../../etc/passwd\""), "report", "报告应为已上传文件的编号");
        AssertError(With("\"report\": [\"f1\"]"), "report", "报告应为已上传文件的编号");
        AssertError(With("\"photos\": [\"ok\", \"no way\"]"), "photos[1]", "照片第2项应为已上传文件的编号");
        AssertError(With("\"photos\": \"p1\""), "photos", "照片应为已上传文件编号的列表");
    }

    [Fact]
    public void A_group_with_a_path_nests_its_fields_and_a_group_without_one_does_not()
    {
        AssertError(Valid.Replace("\"33010619900101123X\"", "\"3301\"", StringComparison.Ordinal), "person.idNumber", "身份证号格式不正确");
        AssertError(Valid.Replace("{ \"idNumber\": \"33010619900101123X\" }", "\"张伟\"", StringComparison.Ordinal), "person", "作业人员应为一组字段（对象）");
        AssertError(With("\"person2\": {}"), "person2", "表单中没有字段“person2”");
    }

    [Fact]
    public void Dynamic_list_errors_carry_the_item_index()
    {
        var result = Check(With("""
            "cylinders": [ { "serialNo": "A1" }, { "serialNo": "TOO-LONG-1", "volume": 0 }, { "volume": 2, "colour": "red" } ]
            """));

        Assert.Equal(
            [
                ("cylinders[1].serialNo", "出厂编号最多8个字"), ("cylinders[1].volume", "容积不能小于1"),
                ("cylinders[2].serialNo", "出厂编号为必填项"), ("cylinders[2].colour", "表单中没有字段“colour”"),
            ],
            result.Errors.Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void A_dynamic_list_is_an_array_of_objects_and_bounded()
    {
        AssertError(With("\"cylinders\": {}"), "cylinders", "气瓶应为列表");
        AssertError(With("\"cylinders\": [1]"), "cylinders[0]", "气瓶第1项应为一组字段（对象）");
        AssertError(With("\"cylinders\": [{\"serialNo\":\"1\"},{\"serialNo\":\"2\"},{\"serialNo\":\"3\"},{\"serialNo\":\"4\"}]"), "cylinders", "气瓶最多3项");
    }

    [Fact]
    public void Unknown_fields_are_rejected_so_a_form_cannot_set_variables_it_does_not_show()
    {
        AssertError(With("\"decision\": \"approve\""), "decision", "表单中没有字段“decision”");
    }

    [Theory]
    [InlineData("[]", "提交的内容应为JSON对象")]
    [InlineData("\"x\"", "提交的内容应为JSON对象")]
    [InlineData("{", "提交的内容不是有效的JSON")]
    public void A_submission_that_is_not_a_json_object_is_one_error(string json, string message) =>
        AssertError(json, "", message);

    [Fact]
    public void Errors_group_by_path_for_a_validation_problem()
    {
        var errors = Check("{}").ToDictionary();

        Assert.Equal(["设备代码为必填项"], errors["equipmentCode"]);
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void A_catastrophic_pattern_cannot_hold_the_server()
    {
        // ^(a+)+$ backtracks exponentially on "aaaa…!"; the non-backtracking engine runs it in linear time.
        var schema = FormSchema.Parse("""{"components":[{"type":"textfield","key":"x","label":"字段","validate":{"pattern":"^(a+)+$","maxLength":5000}}]}""");
        var watch = Stopwatch.StartNew();

        var result = FormValidator.Validate(schema, $$"""{"x":"{{new string('a', 4000)}}!"}""");

        Assert.Equal("字段格式不正确", Assert.Single(result.Errors).Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_pattern_that_needs_backtracking_runs_with_a_timeout_and_a_timeout_is_an_error()
    {
        // A back-reference forces the backtracking engine; nested quantifiers make it explode.
        var schema = FormSchema.Parse("""{"components":[{"type":"textfield","key":"x","label":"字段","validate":{"pattern":"^((a|aa)+)+\\1$","maxLength":5000}}]}""");
        var watch = Stopwatch.StartNew();

        var result = FormValidator.Validate(schema, $$"""{"x":"{{new string('a', 60)}}b"}""");

        Assert.False(result.IsValid);
        Assert.Contains(Assert.Single(result.Errors).Message, new[] { "字段无法在限定时间内完成格式校验，请检查输入", "字段格式不正确" });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("""{"components":[{"type":"button","key":"b"}]}""", "not supported")]
    [InlineData("""{"components":[{"type":"textfield","label":"x"}]}""", "needs a 'key'")]
    [InlineData("""{"components":[{"type":"textfield","key":"a"},{"type":"number","key":"a"}]}""", "used twice")]
    [InlineData("""{"components":[{"type":"textfield","key":"a.b"}]}""", "without '.'")]
    [InlineData("""{"components":[{"type":"select","key":"s"}]}""", "non-empty 'values'")]
    [InlineData("""{"components":[{"type":"textfield","key":"t","validate":{"pattern":"(["}}]}""", "not a valid regular expression")]
    [InlineData("""{"components":[{"type":"number","key":"n","validate":{"min":5,"max":1}}]}""", "larger than its maximum")]
    [InlineData("""{"components":[{"type":"number","key":"n","validate":{"pattern":"x"}}]}""", "textfield and textarea only")]
    [InlineData("""{"components":[{"type":"dynamiclist","components":[]}]}""", "needs a 'path'")]
    [InlineData("""{"components":[{"type":"datetime","key":"d","subtype":"week"}]}""", "subtype 'week'")]
    [InlineData("""{"title":"no components"}""", "no 'components'")]
    [InlineData("""[1,2]""", "JSON object")]
    public void A_schema_outside_the_supported_subset_is_refused_when_read(string json, string message)
    {
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_form_accepts_nothing_but_reports_its_required_fields_with_chinese_messages()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.RepositoryPaths.Root, "definitions", "forms"), "*.form"))
        {
            var schema = FormSchema.Load(file);
            var result = FormValidator.Validate(schema, "{}");
            Assert.All(result.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        }
    }
}
