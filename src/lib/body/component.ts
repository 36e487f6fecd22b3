/**
 * Renders a meeting body's HTML tree (./to-hast.ts) in an Astro page, as the content of an MDX
 * file used to be rendered: through Astro's JSX renderer (registered by @astrojs/mdx), with the
 * components given in the page. The tree becomes calls to Astro's JSX runtime directly
 * (hast-util-to-jsx-runtime, MDX's own conversion without the compiler), never JavaScript source.
 */
import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx } from 'astro/jsx-runtime';

type Props = { components?: Record<string, unknown> };

/** A component for the page: `<Body components={{ Indicator: IndicatorBlock, ... }} />`. */
export function bodyComponent(tree: Root) {
  const Body = (props: Props) => {
    const components = props.components ?? {};
    return toJsxRuntime(tree, {
      Fragment,
      jsx: jsx as never,
      jsxs: jsx as never,
      components: components as Partial<Components>,
      elementAttributeNameCase: 'html',
      stylePropertyNameCase: 'dom',
      passKeys: false,
      // A component's name reaches here as an identifier: it is looked up among the page's
      // components, and nothing is ever evaluated (to-hast.ts has removed comments, the only
      // expressions a body may hold).
      createEvaluater: () => ({
        evaluateExpression(expression) {
          if (expression.type === 'Identifier' && Object.hasOwn(components, expression.name)) return components[expression.name];
          throw new Error(`a meeting body used ${expression.type === 'Identifier' ? `<${expression.name}>` : 'code'}, which the safe body check should have refused`);
        },
        evaluateProgram() {
          throw new Error('a meeting body held import or export, which the safe body check should have refused');
        },
      }),
    });
  };
  // Astro's JSX renderer renders what is marked as MDX content.
  (Body as unknown as Record<symbol, boolean>)[Symbol.for('mdx-component')] = true;
  return Body;
}
