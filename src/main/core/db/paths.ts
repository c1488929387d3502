import { join } from 'node:path'

export const DATABASE_FILE_NAME = 'pointbook.sqlite'

export const databasePath = (dataDir: string): string => join(dataDir, DATABASE_FILE_NAME)
