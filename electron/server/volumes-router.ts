/** The volumes area's handlers, one per call of volumesContract. */
export const volumesRouter = {};
