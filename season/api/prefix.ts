// Where the season API is mounted on the HTTP app (its own file, so the CLI client need not load the server).
export const API_PREFIX = '/api/v1';
