/** The volumes area's calls and streams (see the volumes issue). */
export const volumesContract = {};
