import ts from 'typescript';

/** A literal with words in it: two alphabetic words (any script) separated by white space. */
const WORDS = /\p{L}{2,}[ \t]+\p{L}{2,}/u;

/** Commander calls whose text arguments a user reads in the help screen. */
const HELP_TEXT_METHODS = new Set(['description', 'summary', 'option', 'requiredOption', 'argument', 'addHelpText', 'usage']);

export interface ScanFinding {
  file: string;
  line: number;
  column: number;
  text: string;
  sink: string;
}

/** The literal pieces of an argument that flows straight into a sink: literals, templates, `+`, `? :`. */
function literalPieces(node: ts.Expression): Array<{ node: ts.Node; text: string }> {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalPieces(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ node, text: node.text }];
  if (ts.isTemplateExpression(node))
    return [{ node: node.head, text: node.head.text }, ...node.templateSpans.map((s) => ({ node: s.literal, text: s.literal.text }))];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...literalPieces(node.left), ...literalPieces(node.right)];
  if (ts.isConditionalExpression(node)) return [...literalPieces(node.whenTrue), ...literalPieces(node.whenFalse)];
  return [];
}

function calleeName(expr: ts.Expression): { object?: string; name?: string } {
  if (ts.isIdentifier(expr)) return { name: expr.text };
  if (ts.isPropertyAccessExpression(expr))
    return { object: ts.isIdentifier(expr.expression) ? expr.expression.text : undefined, name: expr.name.text };
  return {};
}

/** Which arguments of a call are shown to a user, and under what name the finding reports the call. */
function sinkOf(node: ts.CallExpression | ts.NewExpression): { sink: string; args: readonly ts.Expression[] } | undefined {
  const args = node.arguments ?? [];
  const { object, name } = calleeName(node.expression);
  if (ts.isNewExpression(node)) {
    if (name && /Error$/u.test(name) && ts.isThrowStatement(node.parent)) return { sink: `throw new ${name}`, args };
    return undefined;
  }
  if (object === 'console' && name) return { sink: `console.${name}`, args };
  if (name === 'write' && ts.isPropertyAccessExpression(node.expression)) return { sink: '.write', args };
  if (name && HELP_TEXT_METHODS.has(name) && ts.isPropertyAccessExpression(node.expression)) return { sink: `.${name}`, args };
  if (name === 't' && args.length >= 2) {
    const fallback = args[1]!;
    if (ts.isObjectLiteralExpression(fallback)) {
      const defaults = fallback.properties.filter(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'defaultValue',
      );
      return { sink: 't() fallback', args: defaults.map((p) => p.initializer) };
    }
    return { sink: 't() fallback', args: [fallback] };
  }
  return undefined;
}

/** Messages with words built in code rather than taken from locales/, in one TypeScript source. */
export function scanSource(file: string, text: string): ScanFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: ScanFinding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const found = sinkOf(node);
      if (found)
        for (const arg of found.args)
          for (const piece of literalPieces(arg)) {
            if (!WORDS.test(piece.text)) continue;
            const { line, character } = source.getLineAndCharacterOfPosition(piece.node.getStart(source));
            findings.push({ file, line: line + 1, column: character + 1, text: piece.text, sink: found.sink });
          }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
