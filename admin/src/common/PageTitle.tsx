import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslate } from 'react-admin';

const findContainer = () => (typeof document === 'undefined' ? null : document.getElementById('react-admin-title'));

/**
 * The page's title in the app bar, as react-admin's `<Title>` shows it. Its `<Title>` also makes
 * the title editable from react-admin's preferences inspector, which the console does not offer,
 * and through it brings MUI's text fields, selects and popovers to every page that has a title.
 */
export function PageTitle({ title }: { title: string }) {
  const translate = useTranslate();
  const [container, setContainer] = useState(findContainer);
  // The app bar may mount after the page: look again once it is there.
  useEffect(() => setContainer((current) => (current && document.body.contains(current) ? current : findContainer())), []);
  if (!container) return null;
  return createPortal(
    <span>
      <span>{translate(title, { _: title })}</span>
    </span>,
    container,
  );
}
