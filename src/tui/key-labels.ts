/** Key names on screen in the interface language ("Spazio", "Entrée"), else as the keymap writes them. */
import { useTranslation } from 'react-i18next';
import { keyLabel } from '../core/session/keymap.js';

export function useKeyLabel(): (key: string) => string {
  const { t, i18n } = useTranslation();
  return (key) => {
    const id = `keyNames.${key}`;
    return i18n.exists(id) ? String(t(id)) : keyLabel(key);
  };
}
