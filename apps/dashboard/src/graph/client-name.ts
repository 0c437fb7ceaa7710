/** The name the dashboard sends its operations under; the gateway holds it to its trusted documents. */
export const CLIENT_NAME = 'mutu-dashboard';
