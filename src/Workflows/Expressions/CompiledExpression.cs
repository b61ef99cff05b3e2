using Acornima.Ast;
using Jint;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// An expression or script parsed once and kept: parsing and Jint's static analysis cost far more
/// than running a simple condition, and a definition evaluates the same few texts again and again.
/// A <see cref="Prepared{TProgram}"/> is immutable and documented as safe to share across engines
/// and threads, so one instance serves every evaluation.
/// </summary>
internal sealed class CompiledExpression
{
    private CompiledExpression(Prepared<Script> program, bool isSideEffectFree, string[] freeVariables)
    {
        Program = program;
        IsSideEffectFree = isSideEffectFree;
        FreeVariables = freeVariables;
    }

    private CompiledExpression(ExpressionError syntaxError)
    {
        SyntaxError = syntaxError;
        FreeVariables = [];
    }

    public Prepared<Script> Program { get; }

    /// <summary>True when the code cannot change anything (see <see cref="SideEffectFreeCode"/>); it may then run on a pooled engine.</summary>
    public bool IsSideEffectFree { get; }

    /// <summary>
    /// The names the code reads without declaring that are not JavaScript built-ins: the variables to
    /// convert and install as globals before it runs. Converting only these, rather than every variable
    /// in scope, keeps a condition over one flag cheap in a process that holds fifty variables.
    /// </summary>
    public string[] FreeVariables { get; }

    /// <summary>Set when the text could not be compiled; the other members are then meaningless.</summary>
    public ExpressionError? SyntaxError { get; }

    public static CompiledExpression CompileExpression(string text, ExpressionLimits limits, IReadOnlySet<string> reservedNames)
    {
        var js = ExpressionText.Unwrap(text);
        if (js.Length > limits.MaxExpressionLength)
        {
            return Fail($"The expression is longer than {limits.MaxExpressionLength:N0} characters.", text);
        }

        // ExpressionText checks that this is exactly one expression, so "a); while(true){} (b" cannot
        // smuggle statements through the parentheses below. They are there so that "{a: 1}" means an
        // object, as it does in ${…}, and not a block; the newline keeps a trailing // comment closed.
        if (ExpressionText.CheckExpression(text) is { } syntaxError)
        {
            return Fail(syntaxError, text);
        }

        return Prepare("(" + js + "\n)", text, reservedNames, analyse: true);
    }

    public static CompiledExpression CompileScript(string script, ExpressionLimits limits, IReadOnlySet<string> reservedNames)
    {
        if (script.Length > limits.MaxScriptLength)
        {
            return Fail($"The script is longer than {limits.MaxScriptLength:N0} characters.", script);
        }

        if (ExpressionText.CheckScript(script) is { } syntaxError)
        {
            return Fail(syntaxError, script);
        }

        // Scripts always run on a fresh engine, so whether they have side effects does not matter.
        return Prepare(script, script, reservedNames, analyse: false);
    }

    private static CompiledExpression Prepare(string source, string text, IReadOnlySet<string> reservedNames, bool analyse)
    {
        Prepared<Script> program;
        try
        {
            program = Engine.PrepareScript(source, strict: true, options: PreparationOptions);
        }
        catch (ScriptPreparationException ex)
        {
            // ExpressionText accepted it, but Jint's analysis has limits of its own (nesting depth).
            return Fail($"'{ExpressionText.Shorten(ExpressionText.Unwrap(text))}' cannot be compiled: {ex.InnerException?.Message ?? ex.Message}", text);
        }

        var free = program.ReferencedGlobals is { } referenced
            ? referenced.Where(name => !reservedNames.Contains(name)).ToArray()
            : [];
        return new CompiledExpression(program, analyse && SideEffectFreeCode.Check(program.Program!), free);
    }

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        CollectReferencedGlobals = true,
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = false },
    };

    private static CompiledExpression Fail(string message, string text) =>
        new(new ExpressionError(ExpressionErrorKind.Syntax, message, text));
}
