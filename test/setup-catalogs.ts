/** Every test sees both languages' catalogs, as the command line does (the task pane loads English lazily). */
import { useAllCatalogs } from '../src/domain/i18n/all';

useAllCatalogs();
