import { createRoot } from 'react-dom/client';
import { ShortlistsApp } from '@/components/shortlists-app';
import { getDb } from '@/lib/db/database';
import '@/components/scout.css';

createRoot(document.getElementById('root')!).render(<ShortlistsApp db={getDb()} />);
