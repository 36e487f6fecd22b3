import { z } from 'astro/zod';
import { kebabId } from '../schemas/common';

/** Props of the <Indicator> and <Chart> MDX components, validated like everything else. */
export const IndicatorPropsSchema = z
  .object({ id: kebabId, level: z.union([z.literal(2), z.literal(3)]).optional(), mode: z.enum(['full', 'chart']).optional() })
  .strict();

export function describeIndicatorProps(props: unknown, meetingId: string | undefined) {
  const parsed = IndicatorPropsSchema.safeParse(props);
  if (!parsed.success) {
    const where = meetingId ? ` in content/meetings/${meetingId}.mdx` : '';
    throw new Error(
      `Invalid prop passed to the <Indicator/> component${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'props'} ${i.message}`).join('; ')}. Write <Indicator id="cla-rate" />.`,
    );
  }
  return parsed.data;
}
