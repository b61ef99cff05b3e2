using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>The built-ins the sandbox replaces still behave as JavaScript specifies for ordinary input.</summary>
public class BuiltInTests
{
    [Theory]
    [InlineData("'ab'.repeat(3)", "\"ababab\"")]
    [InlineData("'ab'.repeat(0)", "\"\"")]
    [InlineData("[1, [2, 3], null, undefined, 'x'].join()", "\"1,2,3,,,x\"")]
    [InlineData("[1, 2, 3].join(' - ')", "\"1 - 2 - 3\"")]
    [InlineData("String([1, [2, [3]]])", "\"1,2,3\"")]
    [InlineData("(() => { const a = [1]; a.push(a); return a.join('-') })()", "\"1-\"")]
    [InlineData("Array.prototype.join.call('abc', '-')", "\"a-b-c\"")]
    [InlineData("Array.prototype.join.call({ length: 2, 0: 'x', 1: 'y' }, '+')", "\"x+y\"")]
    [InlineData("[1234.5, null, 'x'].toLocaleString()", "\"1,234.5,,x\"")]
    [InlineData("'a'.concat(1, null, [2, 3])", "\"a1null2,3\"")]
    [InlineData("String.raw`a${1}b${2}c`", "\"a1b2c\"")]
    [InlineData("String.raw({ raw: 'xyz' }, 1, 2)", "\"x1y2z\"")]
    [InlineData("'2026-01-05'.replace(/(\\d+)-(\\d+)-(\\d+)/, '$3/$2/$1')", "\"05/01/2026\"")]
    [InlineData("'330106199001011234'.replace(/^(\\d{6})\\d{8}(\\d{4})$/, '$1********$2')", "\"330106********1234\"")]
    [InlineData("'a-b-c'.replaceAll('-', '+')", "\"a+b+c\"")]
    [InlineData("'abc'.replace('b', '[$&]')", "\"a[b]c\"")]
    [InlineData("'aaa'.replace(/a/g, m => m.toUpperCase())", "\"AAA\"")]
    [InlineData("'x'.repeat(3000).replace(/x/g, '$&$&').length", "6000")]
    [InlineData("'abc'.replace({ [Symbol.replace]: (s, r) => s + '!' + r }, 'R')", "\"abc!R\"")]
    public void Strings_and_arrays_work_as_usual(string expression, string json)
    {
        var result = Evaluate("${" + expression + "}");

        Assert.True(Json(System.Text.Json.Nodes.JsonNode.Parse(json), Value(result)), result.ToString());
    }

    [Theory]
    [InlineData("JSON.stringify({ a: [1, { b: 2 }], c: 'd' })", "{\"a\":[1,{\"b\":2}],\"c\":\"d\"}")]
    [InlineData("JSON.stringify({ a: [1, { b: 2 }] }, null, 2)", "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ]\n}")]
    [InlineData("JSON.stringify({ b: 1, a: [1, 2] }, ['a'], '\\t')", "{\n\t\"a\": [\n\t\t1,\n\t\t2\n\t]\n}")]
    [InlineData("JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 10 : v)", "{\"a\":10,\"b\":\"x\"}")]
    [InlineData("JSON.stringify({ a: new Number(3), b: new String('s'), c: new Boolean(false) })", "{\"a\":3,\"b\":\"s\",\"c\":false}")]
    [InlineData("JSON.stringify([undefined, () => 1, Symbol(), NaN, -0, 1e21])", "[null,null,null,null,0,1e+21]")]
    [InlineData("JSON.stringify({ u: undefined, f() {}, n: null })", "{\"n\":null}")]
    [InlineData("JSON.stringify('say \"hi\"\\n\\u0001\\ud800 中')", "\"say \\\"hi\\\"\\n\\u0001\\ud800 中\"")]
    [InlineData("JSON.stringify({ toJSON: k => 'key:' + k })", "\"key:\"")]
    [InlineData("JSON.stringify(new Date(0))", "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData("JSON.stringify([], null, 2) + JSON.stringify({}, null, 2)", "[]{}")]
    [InlineData("String(JSON.stringify(undefined))", "undefined")]
    public void Json_stringify_writes_what_javascript_writes(string expression, string text)
    {
        Assert.Equal(text, Value(Evaluate("${" + expression + "}"))!.GetValue<string>());
    }

    [Fact]
    public void Json_stringify_refuses_cycles_and_big_integers()
    {
        Assert.Equal("TypeError: Converting circular structure to JSON", Error(Run("const a = {}; a.self = a; JSON.stringify(a)")).Message);
        Assert.StartsWith("TypeError", Error(Run("JSON.stringify({ n: 1n })")).Message, StringComparison.Ordinal);
    }
}
