namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>Small form-js schemas for the renderer's tests.</summary>
internal static class FormTestSchemas
{
    /// <summary>A schema with the given components (JSON objects, comma-separated).</summary>
    public static string With(string components) =>
        $$"""{ "id": "test", "title": "测试表单", "schemaVersion": 16, "type": "default", "components": [ {{components}} ] }""";

    /// <summary>Every supported component type at once, with nesting: the server validator's own sample.</summary>
    public const string Everything = """
        {
          "id": "sample", "title": "样例", "schemaVersion": 16, "type": "default",
          "components": [
            { "type": "text", "text": "# 说明" },
            { "type": "textfield", "key": "equipmentCode", "label": "设备代码", "description": "20位数字",
              "validate": { "required": true, "pattern": "^[0-9]{20}$", "maxLength": 20 } },
            { "type": "textarea", "key": "reason", "label": "原因", "validate": { "minLength": 5, "maxLength": 10 } },
            { "type": "number", "key": "pressure", "label": "工作压力", "decimalDigits": 2, "validate": { "min": 0.1, "max": 100 } },
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
            { "type": "filepicker", "key": "report", "label": "报告", "accept": ".pdf" },
            { "type": "filepicker", "key": "photos", "label": "照片", "multiple": true },
            { "type": "separator" },
            { "type": "group", "label": "联系人", "components": [
              { "type": "textfield", "key": "contactName", "label": "联系人", "validate": { "required": true } } ] },
            { "type": "group", "label": "作业人员", "path": "person", "components": [
              { "type": "textfield", "key": "idNumber", "label": "身份证号", "validate": { "required": true, "pattern": "^[0-9]{17}[0-9X]$" } } ] },
            { "type": "dynamiclist", "path": "cylinders", "label": "气瓶", "defaultRepetitions": 1, "validate": { "maxLength": 3 }, "components": [
              { "type": "textfield", "key": "serialNo", "label": "出厂编号", "validate": { "required": true, "maxLength": 8 } },
              { "type": "number", "key": "volume", "label": "容积", "validate": { "min": 1 } } ] }
          ]
        }
        """;

    /// <summary>Data that passes every rule of <see cref="Everything"/>.</summary>
    public const string EverythingValid = """
        { "equipmentCode": "31101089020260000123", "kind": "a", "agree": true, "items": ["clean"],
          "contactName": "张伟", "person": { "idNumber": "33010619900101123X" },
          "cylinders": [ { "serialNo": "A1", "volume": 40 } ] }
        """;
}
