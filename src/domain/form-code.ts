/** A form's code, which is also its sheet's name: four digits, e.g. "0804". */
export const FORM_CODE = /^\d{4}$/;
export const isFormCode = (text: string): boolean => FORM_CODE.test(text);
