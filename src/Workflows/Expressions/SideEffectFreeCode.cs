using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Decides, from the syntax alone, whether an expression can change anything. Jint documents its global
/// snapshot as a reuse aid, not an isolation boundary: code that calls functions can alter built-ins
/// (<c>Array.prototype.includes = …</c>) and so affect the next evaluation on the same engine. Code made
/// only of reads, literals and operators cannot, so it may run on a pooled engine; everything else gets
/// a fresh one.
/// </summary>
/// <remarks>
/// The check is an allow-list of node types. Without calls, <c>new</c>, assignments, <c>delete</c>,
/// function literals, getters or spreads, the only code that can run is the engine's own built-ins
/// reached through operators and property reads (<c>valueOf</c>, <c>toString</c>, getters such as
/// <c>RegExp.prototype.flags</c>) on variables, which are plain JSON data — and none of those write.
/// Typical conditions (<c>approved == true</c>, <c>amount &gt; 50000 &amp;&amp; category === '3000'</c>)
/// pass; <c>['A','B'].includes(grade)</c> is a call and takes the fresh-engine path.
/// </remarks>
internal static class SideEffectFreeCode
{
    public static bool Check(Node node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }

        var allowed = node.Type switch
        {
            NodeType.Identifier or NodeType.ThisExpression or NodeType.TemplateElement => true,
            NodeType.Literal => node is not RegExpLiteral,
            NodeType.UnaryExpression => ((UnaryExpression)node).Operator != Operator.Delete,
            NodeType.Property => node is Property { Kind: PropertyKind.Init, Method: false },
            NodeType.Program or NodeType.ExpressionStatement or NodeType.ParenthesizedExpression
                or NodeType.MemberExpression or NodeType.ChainExpression
                or NodeType.BinaryExpression or NodeType.LogicalExpression or NodeType.ConditionalExpression
                or NodeType.SequenceExpression or NodeType.TemplateLiteral
                or NodeType.ArrayExpression or NodeType.ObjectExpression => true,
            _ => false,
        };
        if (!allowed)
        {
            return false;
        }

        foreach (var child in node.ChildNodes)
        {
            if (child is not null && !Check(child))
            {
                return false;
            }
        }

        return true;
    }
}
