/** The product's version, stamped into every workbook it writes; kept equal to package.json (a test checks). */
export const PRODUCT_VERSION = '0.1.0';
