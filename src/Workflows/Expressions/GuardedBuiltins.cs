using System.Runtime.CompilerServices;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Closes the holes in Jint's limits that one call can drive through, found by probing Jint 4.18:
/// <c>'x'.repeat(5e8)</c> built a 1 GB string and <c>new ArrayBuffer(1e9)</c> a 1 GB buffer without
/// touching the 4 MB memory limit; <c>join</c>, <c>toLocaleString</c>, <c>concat</c>, <c>String.raw</c>
/// and <c>Intl.ListFormat</c> multiply a large string by an array's length (the last ran ten seconds
/// past the 100 ms limit); <c>replaceAll('x', big)</c> built 800 MB. Each engine gets these
/// replacements before any code runs; they behave as specified up to a text the size of the memory limit.
/// Globals that are not needed at all are hidden through the options, which costs an engine nothing.
/// </summary>
internal sealed class GuardedBuiltins
{
    // Binary data is never needed by a business rule, and Jint does not charge its allocation.
    // ShadowRealm builds a whole new set of built-ins per instance. Intl is hidden for Intl.ListFormat,
    // an amplifier; dates and numbers still format through toLocaleString.
    private static readonly string[] Hidden =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
        "ShadowRealm", "Intl",
    ];

    private readonly Engine _engine;
    private readonly ExpressionLimits _limits;
    private readonly int _maxStringLength;
    private readonly HashSet<ObjectInstance> _joining = new(ReferenceEqualityComparer.Instance);

    private GuardedBuiltins(Engine engine, ExpressionLimits limits)
    {
        _engine = engine;
        _limits = limits;
        _maxStringLength = (int)Math.Min(limits.MemoryBytes / sizeof(char), int.MaxValue);
    }

    /// <summary>
    /// Replaces the hidden globals with <c>undefined</c> in the options. A lazy global shadows the
    /// built-in one, so the built-in is never created: deleting the globals from each engine instead
    /// cost more than building the engine.
    /// </summary>
    public static void Hide(Options options)
    {
        foreach (var name in Hidden)
        {
            options.AddLazyGlobal(name, static _ => JsValue.Undefined, PropertyFlag.None);
        }
    }

    public static void Install(Engine engine, ExpressionLimits limits)
    {
        var guards = new GuardedBuiltins(engine, limits);
        var global = engine.Global;
        var stringPrototype = Prototype(global, "String");
        Replace(engine, stringPrototype, "repeat", guards.Repeat, 1);
        Replace(engine, stringPrototype, "concat", guards.Concat, 1);
        Replace(engine, stringPrototype, "replace", guards.GuardReplace(stringPrototype.Get("replace"), all: false), 2);
        Replace(engine, stringPrototype, "replaceAll", guards.GuardReplace(stringPrototype.Get("replaceAll"), all: true), 2);
        Replace(engine, global.Get("String").AsObject(), "raw", guards.Raw, 1);
        var arrayPrototype = Prototype(global, "Array");
        Replace(engine, arrayPrototype, "join", guards.Join, 1);
        Replace(engine, arrayPrototype, "toLocaleString", guards.ToLocaleString, 0);
        Replace(engine, global.Get("JSON").AsObject(), "stringify", guards.Stringify, 3);
    }

    // JSON.stringify, capped at the memory limit (see SandboxJson for why Jint's own is replaced).
    private JsValue Stringify(JsValue thisObject, JsValue[] arguments) =>
        SandboxJson.Stringify(_engine, Argument(arguments, 0), Argument(arguments, 1), Argument(arguments, 2),
            _maxStringLength, _limits.MaxJsonDepth, TooLong("JSON.stringify"),
            $"JSON.stringify was given a value nested more than {_limits.MaxJsonDepth} levels deep.");

    // String.prototype.repeat as specified, refusing up front a result the memory limit would not allow.
    private JsValue Repeat(JsValue thisObject, JsValue[] arguments)
    {
        var text = TypeConverter.ToString(RequireCoercible(thisObject, "String.prototype.repeat"));
        var count = TypeConverter.ToIntegerOrInfinity(Argument(arguments, 0));
        if (count < 0 || double.IsPositiveInfinity(count))
        {
            throw new JavaScriptException((ErrorConstructor)_engine.Global.Get("RangeError"), $"Invalid count value: {count}");
        }

        if (count == 0 || text.Length == 0)
        {
            return JsString.Empty;
        }

        if (text.Length * count > _maxStringLength)
        {
            throw new SandboxViolationException(ExpressionErrorKind.MemoryLimit, TooLong("repeat"));
        }

        var builder = new StringBuilder(text.Length * (int)count);
        for (var i = 0; i < (int)count; i++)
        {
            builder.Append(text);
        }

        return JsString.Create(builder.ToString());
    }

    // String.prototype.concat: the receiver and every argument as text, capped.
    private JsValue Concat(JsValue thisObject, JsValue[] arguments)
    {
        var builder = new StringBuilder();
        Append(builder, TypeConverter.ToString(RequireCoercible(thisObject, "String.prototype.concat")), "concat");
        foreach (var argument in arguments)
        {
            Append(builder, TypeConverter.ToString(argument), "concat");
        }

        return JsString.Create(builder.ToString());
    }

    // String.raw: the template's raw pieces with the substitutions between them, capped.
    private JsValue Raw(JsValue thisObject, JsValue[] arguments)
    {
        var cooked = ToObject(Argument(arguments, 0), "String.raw");
        var raw = ToObject(cooked.Get("raw"), "String.raw");
        var count = TypeConverter.ToLength(raw.Get("length"));
        var builder = new StringBuilder();
        for (ulong index = 0; index < count; index++)
        {
            Append(builder, TypeConverter.ToString(raw.Get(JsNumber.Create((double)index))), "String.raw");
            if (index + 1 < count && index + 1 < (ulong)arguments.Length)
            {
                Append(builder, TypeConverter.ToString(arguments[index + 1]), "String.raw");
            }

            CheckLimitsNow(index);
        }

        return JsString.Create(builder.ToString());
    }

    /// <summary>
    /// Wraps String.prototype.replace / replaceAll: with a text replacement, refuses a call whose result
    /// could outgrow the memory limit, then lets the original do the work. The bound is exact enough
    /// not to refuse ordinary work: matches never overlap, so <c>$&amp;</c> and <c>$1</c> together copy at
    /// most the whole text once each; only <c>$`</c> and <c>$'</c> can copy the whole text per match.
    /// A function replacement is left alone: Jint charges what it returns.
    /// </summary>
    private Func<JsValue, JsValue[], JsValue> GuardReplace(JsValue original, bool all) => (thisObject, arguments) =>
    {
        var text = TypeConverter.ToString(RequireCoercible(thisObject, all ? "String.prototype.replaceAll" : "String.prototype.replace"));
        var pattern = Argument(arguments, 0);
        var replacement = Argument(arguments, 1);
        if (!replacement.IsCallable())
        {
            var template = TypeConverter.ToString(replacement);
            replacement = JsString.Create(template);
            if (MaxReplacedLength(text, pattern, template, all) > _maxStringLength)
            {
                throw new SandboxViolationException(ExpressionErrorKind.MemoryLimit, TooLong(all ? "replaceAll" : "replace"));
            }
        }

        return original.Call(JsString.Create(text), [pattern, replacement]);
    };

    private static double MaxReplacedLength(string text, JsValue pattern, string template, bool all)
    {
        double matches;
        if (pattern is ObjectInstance)
        {
            // A regular expression (or an object with its own Symbol.replace): count unknown, at most
            // one per position, or one when the expression is not global.
            matches = all || TypeConverter.ToBoolean(pattern.Get("global")) ? text.Length + 1 : 1;
        }
        else
        {
            var search = TypeConverter.ToString(pattern);
            matches = all ? Occurrences(text, search) : Math.Min(1, Occurrences(text, search));
        }

        var literal = template.Length;
        var perMatchCopies = 0;
        var totalCopies = 0;
        for (var i = template.IndexOf('$', StringComparison.Ordinal); i >= 0 && i + 1 < template.Length; i = template.IndexOf('$', i + 1))
        {
            switch (template[i + 1])
            {
                case '`' or '\'':
                    perMatchCopies++;
                    break;
                case '&' or '<' or (>= '0' and <= '9'):
                    totalCopies++;
                    break;
            }
        }

        return text.Length + (matches * (literal + ((double)perMatchCopies * text.Length))) + ((double)totalCopies * text.Length);
    }

    private static int Occurrences(string text, string search)
    {
        if (search.Length == 0)
        {
            return text.Length + 1;
        }

        var count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // Array.prototype.join (and so Array.prototype.toString and `'' + array`) as specified.
    private JsValue Join(JsValue thisObject, JsValue[] arguments)
    {
        var separator = Argument(arguments, 0);
        return JoinElements(RequireCoercible(thisObject, "Array.prototype.join"),
            separator.IsUndefined() ? "," : TypeConverter.ToString(separator), TypeConverter.ToString, "join");
    }

    // Array.prototype.toLocaleString: each element's own toLocaleString(), comma-separated.
    private JsValue ToLocaleString(JsValue thisObject, JsValue[] arguments) =>
        JoinElements(RequireCoercible(thisObject, "Array.prototype.toLocaleString"), ",",
            element => TypeConverter.ToString(ToObject(element, "toLocaleString").Get("toLocaleString").Call(element, [])), "toLocaleString");

    // The loop behind join and toLocaleString, with the cycle check browsers have, a nesting check
    // (nested arrays recurse here in .NET, where Jint's recursion limit does not look), a length cap,
    // and the time limit checked on long sparse arrays.
    private JsValue JoinElements(JsValue thisObject, string separator, Func<JsValue, string> toText, string function)
    {
        if (thisObject is not ObjectInstance array)
        {
            // A primitive receiver: only a string has a length (its characters).
            return thisObject is JsString text ? JsString.Create(string.Join(separator, text.ToString().ToCharArray())) : JsString.Empty;
        }

        var length = TypeConverter.ToLength(array.Get("length"));
        if (length == 0 || !_joining.Add(array))
        {
            return JsString.Empty;
        }

        try
        {
            if (_joining.Count > _limits.MaxRecursion || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new SandboxViolationException(
                    ExpressionErrorKind.Recursion, $"It joined arrays nested more than {_limits.MaxRecursion} deep and was stopped.");
            }

            var builder = new StringBuilder();
            for (ulong index = 0; index < length; index++)
            {
                if (index > 0)
                {
                    Append(builder, separator, function);
                }

                var element = array.Get(JsNumber.Create((double)index));
                if (!element.IsNull() && !element.IsUndefined())
                {
                    Append(builder, toText(element), function);
                }

                CheckLimitsNow(index);
            }

            return JsString.Create(builder.ToString());
        }
        finally
        {
            _joining.Remove(array);
        }
    }

    // Native loops run no statements, so the engine would not look at the clock until they end.
    private void CheckLimitsNow(ulong iteration)
    {
        if ((iteration & 0xFFF) == 0xFFF)
        {
            _engine.Constraints.Check();
        }
    }

    // ToObject: JsValue.Get on a primitive does not look through its prototype, Object(value) does.
    private ObjectInstance ToObject(JsValue value, string function) =>
        value as ObjectInstance ?? _engine.Intrinsics.Object.Call(JsValue.Undefined, [RequireCoercible(value, function)]).AsObject();

    private JsValue RequireCoercible(JsValue value, string function) =>
        value.IsNull() || value.IsUndefined()
            ? throw new JavaScriptException(_engine.Intrinsics.TypeError, $"{function} called on null or undefined")
            : value;

    private void Append(StringBuilder builder, string text, string function)
    {
        if (builder.Length + (long)text.Length > _maxStringLength)
        {
            throw new SandboxViolationException(ExpressionErrorKind.MemoryLimit, TooLong(function));
        }

        builder.Append(text);
    }

    private string TooLong(string function) =>
        $"It tried to build a text longer than the memory limit allows ({_limits.MemoryBytes / (1024 * 1024)} MB) with {function} and was stopped.";

    private static JsValue Argument(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    private static ObjectInstance Prototype(ObjectInstance global, string constructor) =>
        global.Get(constructor).AsObject().Get("prototype").AsObject();

    private static void Replace(Engine engine, ObjectInstance target, string name, Func<JsValue, JsValue[], JsValue> implementation, int length) =>
        target.DefineOwnProperty(name, new PropertyDescriptor(new ClrFunction(engine, name, implementation, length), PropertyFlag.NonEnumerable));
}
