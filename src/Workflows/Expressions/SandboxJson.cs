using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// <c>JSON.stringify</c> (ECMA-262 §25.5.2) for the sandbox. Jint's serializer does not check the time
/// limit and does not charge its output to the memory limit: probing Jint 4.18, stringifying an array
/// of 10,000 references to one 100,000-character string ran for ten seconds, and 9,000 nested arrays
/// took a third of a second. This one writes into a capped buffer, refuses nesting beyond a depth
/// (which also ends any cycle), and checks the engine's limits as it goes. It serves both the
/// script-visible <c>JSON.stringify</c> and the conversion of results to JSON.
/// </summary>
internal sealed class SandboxJson
{
    private const int MaxGap = 10;
    private const int CheckInterval = 1024;

    private readonly Engine _engine;
    private readonly int _maxLength;
    private readonly int _maxDepth;
    private readonly string _tooLarge;
    private readonly string _tooDeep;
    private readonly StringBuilder _output = new();
    private readonly List<ObjectInstance> _stack = [];
    private JsValue _replacer = JsValue.Undefined;
    private List<JsValue>? _propertyList;
    private string _gap = "";
    private string _indent = "";
    private int _sinceCheck;

    private SandboxJson(Engine engine, int maxLength, int maxDepth, string tooLarge, string tooDeep)
    {
        _engine = engine;
        _maxLength = maxLength;
        _maxDepth = maxDepth;
        _tooLarge = tooLarge;
        _tooDeep = tooDeep;
    }

    /// <summary>
    /// The JSON text of <paramref name="value"/> as <c>JSON.stringify(value, replacer, space)</c> gives it,
    /// or undefined when there is none (functions, symbols, undefined). Stops with a
    /// <see cref="ExpressionErrorKind.MemoryLimit"/> error (<paramref name="tooLarge"/>) past
    /// <paramref name="maxLength"/> characters, and a <see cref="ExpressionErrorKind.Type"/> error
    /// (<paramref name="tooDeep"/>) past <paramref name="maxDepth"/> levels of nesting.
    /// </summary>
    public static JsValue Stringify(
        Engine engine, JsValue value, JsValue replacer, JsValue space, int maxLength, int maxDepth, string tooLarge, string tooDeep)
    {
        var json = new SandboxJson(engine, maxLength, maxDepth, tooLarge, tooDeep);
        json.Configure(replacer, space);
        var wrapper = new JsObject(engine);
        wrapper.CreateDataProperty(JsString.Empty, value);
        return json.SerializeProperty(JsString.Empty, wrapper) ? JsString.Create(json._output.ToString()) : JsValue.Undefined;
    }

    private void Configure(JsValue replacer, JsValue space)
    {
        if (replacer.IsCallable())
        {
            _replacer = replacer;
        }
        else if (replacer.IsArray())
        {
            var list = replacer.AsObject();
            var length = TypeConverter.ToLength(list.Get("length"));
            _propertyList = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (ulong index = 0; index < length; index++)
            {
                var item = list.Get(JsNumber.Create((double)index));
                var name = item is JsString or JsNumber || IsWrapper(item, "StringInstance") || IsWrapper(item, "NumberInstance")
                    ? TypeConverter.ToString(item)
                    : null;
                if (name is not null && seen.Add(name))
                {
                    _propertyList.Add(JsString.Create(name));
                }
            }
        }

        if (IsWrapper(space, "NumberInstance"))
        {
            space = TypeConverter.ToNumber(space);
        }
        else if (IsWrapper(space, "StringInstance"))
        {
            space = TypeConverter.ToString(space);
        }

        _gap = space switch
        {
            JsNumber => new string(' ', (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(space), 0, MaxGap)),
            JsString text => text.ToString() is var s && s.Length > MaxGap ? s[..MaxGap] : text.ToString(),
            _ => "",
        };
    }

    // SerializeJSONProperty: appends the value of holder[key]; false (and nothing appended) when it has none.
    private bool SerializeProperty(JsValue key, ObjectInstance holder)
    {
        if (++_sinceCheck >= CheckInterval)
        {
            _sinceCheck = 0;
            _engine.Constraints.Check();
        }

        var value = holder.Get(key);
        if (value is ObjectInstance || value is JsBigInt)
        {
            var toJson = value.Get("toJSON");
            if (toJson.IsCallable())
            {
                value = toJson.Call(value, [key]);
            }
        }

        if (!_replacer.IsUndefined())
        {
            value = _replacer.Call(holder, [key, value]);
        }

        if (value is ObjectInstance)
        {
            if (IsWrapper(value, "NumberInstance"))
            {
                value = TypeConverter.ToNumber(value);
            }
            else if (IsWrapper(value, "StringInstance"))
            {
                value = TypeConverter.ToString(value);
            }
            else if (IsWrapper(value, "BooleanInstance"))
            {
                value = TypeConverter.ToBoolean(TypeConverter.ToPrimitive(value));
            }
        }

        switch (value)
        {
            case JsBoolean:
                Append(value.AsBoolean() ? "true" : "false");
                return true;
            case JsString text:
                Quote(text.ToString());
                return true;
            case JsNumber:
                Append(double.IsFinite(value.AsNumber()) ? TypeConverter.ToString(value) : "null");
                return true;
            case JsBigInt:
                throw new JavaScriptException(_engine.Intrinsics.TypeError, "Do not know how to serialize a BigInt");
            case ObjectInstance obj when !obj.IsCallable():
                if (obj.IsArray())
                {
                    SerializeArray(obj);
                }
                else
                {
                    SerializeObject(obj);
                }

                return true;
        }

        if (value.IsNull())
        {
            Append("null");
            return true;
        }

        return false;
    }

    private void SerializeObject(ObjectInstance value)
    {
        var stepBack = Enter(value);
        Append("{");
        var keys = _propertyList ?? EnumerableOwnKeys(value);
        var empty = true;
        foreach (var key in keys)
        {
            var mark = _output.Length;
            if (!empty)
            {
                Append(",");
            }

            NewLine();
            Quote(key.ToString());
            Append(_gap.Length == 0 ? ":" : ": ");
            if (SerializeProperty(key, value))
            {
                empty = false;
            }
            else
            {
                // The member has no JSON form (a function, undefined): take back what was written for it.
                _output.Length = mark;
            }
        }

        Leave(stepBack, empty);
        Append("}");
    }

    private void SerializeArray(ObjectInstance value)
    {
        var stepBack = Enter(value);
        Append("[");
        var length = TypeConverter.ToLength(value.Get("length"));
        for (ulong index = 0; index < length; index++)
        {
            if (index > 0)
            {
                Append(",");
            }

            NewLine();
            if (!SerializeProperty(JsString.Create(index.ToString(CultureInfo.InvariantCulture)), value))
            {
                Append("null");
            }
        }

        Leave(stepBack, length == 0);
        Append("]");
    }

    private List<JsValue> EnumerableOwnKeys(ObjectInstance value)
    {
        var keys = new List<JsValue>();
        foreach (var key in value.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = value.GetOwnProperty(key);
            if (descriptor != PropertyDescriptor.Undefined && descriptor.Enumerable)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private string Enter(ObjectInstance value)
    {
        if (_stack.Contains(value, ReferenceEqualityComparer.Instance))
        {
            throw new JavaScriptException(_engine.Intrinsics.TypeError, "Converting circular structure to JSON");
        }

        if (_stack.Count >= _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SandboxViolationException(ExpressionErrorKind.Type, _tooDeep);
        }

        _stack.Add(value);
        var stepBack = _indent;
        _indent += _gap;
        return stepBack;
    }

    private void Leave(string stepBack, bool empty)
    {
        _stack.RemoveAt(_stack.Count - 1);
        _indent = stepBack;
        if (!empty)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        if (_gap.Length > 0)
        {
            Append("\n");
            Append(_indent);
        }
    }

    // QuoteJSONString: escapes quotes, backslashes, control characters and lone surrogates only.
    private void Quote(string text)
    {
        Reserve(text.Length + 2);
        _output.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': Append("\\\""); break;
                case '\\': Append("\\\\"); break;
                case '\b': Append("\\b"); break;
                case '\f': Append("\\f"); break;
                case '\n': Append("\\n"); break;
                case '\r': Append("\\r"); break;
                case '\t': Append("\\t"); break;
                default:
                    var lone = char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
                    if (c < ' ' || lone)
                    {
                        Append("\\u");
                        Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _output.Append(c);
                    }

                    break;
            }
        }

        Append("\"");
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        _output.Append(text);
    }

    private void Reserve(int length)
    {
        if (_output.Length + (long)length > _maxLength)
        {
            throw new SandboxViolationException(ExpressionErrorKind.MemoryLimit, _tooLarge);
        }
    }

    // Number, String and Boolean wrapper objects (new Number(1)) serialize as their primitive. Jint's
    // wrapper types are internal, so they are recognised by name; a test pins the behaviour.
    private static bool IsWrapper(JsValue value, string typeName) =>
        value is ObjectInstance && value.GetType().Name == typeName;
}
