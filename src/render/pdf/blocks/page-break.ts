/**
 * Explicit page break.
 *
 * @example
 * pageBreak({ type: 'pageBreak' }, ctx) // [pageBreakFlowable]
 */
import type { PageBreak } from '../../../tree/types.ts';
import { pageBreakFlowable } from '../flow.ts';
import type { BlockHandler } from './context.ts';

export const pageBreak: BlockHandler<PageBreak> = () => [pageBreakFlowable];
