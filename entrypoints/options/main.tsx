import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options-app';
import { getDb } from '@/lib/db/database';
import '@/components/scout.css';

createRoot(document.getElementById('root')!).render(<OptionsApp db={getDb()} />);
