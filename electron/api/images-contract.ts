/** The images area's calls and streams (see the images issue). */
export const imagesContract = {};
