/** The `image` prop of the workloads' containers. */
import { z } from 'zod';
import { imagePinProblem } from './kubernetes-values';

/** A container image pinned to a tag other than `latest`, or to a digest (see imagePinProblem). */
export const pinnedImageSchema = z.string({ error: 'must be a string, e.g. "ghcr.io/acme/proxy:1.4.2"' }).superRefine((image, ctx) => {
  const problem = imagePinProblem(image);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
