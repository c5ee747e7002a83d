/** The images area's handlers, one per call of imagesContract. */
export const imagesRouter = {};
