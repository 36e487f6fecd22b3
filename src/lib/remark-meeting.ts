/**
 * Remark plugin for meeting bodies: marks where the indicators not placed in the commentary go,
 * just before the `## Discussion` heading (or at the end when there is none), so the page reads
 * commentary, then the figures, then the minutes.
 */
export function remarkMeetingLayout() {
  return (tree: { children: any[] }, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (!/[\\/]meetings[\\/]/.test(path)) return;
    const marker = { type: 'mdxJsxFlowElement', name: 'RemainingIndicators', attributes: [], children: [] };
    const i = tree.children.findIndex(
      (n) => n.type === 'heading' && n.depth === 2 && n.children?.map((c: any) => c.value ?? '').join('').trim().toLowerCase() === 'discussion',
    );
    if (i >= 0) tree.children.splice(i, 0, marker);
    else tree.children.push(marker);
  };
}
