import { Button, type ButtonProps } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposeIntroModal, type SideValue } from './ProposeIntroModal.tsx';

/** Me, or one of my contacts, as a side of an introduction. */
export function sideOf(p: { id: string; name: string; isSelf?: boolean }): SideValue {
  return p.isSelf ? { kind: 'me' } : { kind: 'person', person: { id: p.id, name: p.name } };
}

interface Props {
  /** The side asked first with the order "A first": usually the one who helps. */
  a?: SideValue | null;
  b?: SideValue | null;
  note?: string;
  /** The visible words; the accessible name says who meets whom. */
  label?: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}

/** "Introduce": opens the proposal of an introduction between two people, prefilled. */
export function IntroduceButton({ a = null, b = null, note = '', label, size = 'compact-xs', variant = 'light' }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const name = (v: SideValue) => (v.kind === 'me' ? t('intros.me') : v.person.name);
  const visible = label ?? t('intros.introduce');
  const ariaLabel =
    a && b
      ? a.kind === 'me' || b.kind === 'me'
        ? t('intros.introduceMeTo', { name: name(a.kind === 'me' ? b : a) })
        : t('intros.introduceAToB', { a: name(a), b: name(b) })
      : visible;
  return (
    <>
      <Button
        size={size}
        variant={variant}
        leftSection={<IconArrowsLeftRight size={14} />}
        onClick={() => setOpened(true)}
        aria-label={ariaLabel}
        data-testid="introduce"
        style={{ alignSelf: 'flex-start' }}
      >
        {visible}
      </Button>
      {opened && <ProposeIntroModal opened onClose={() => setOpened(false)} a={a} b={b} note={note} />}
    </>
  );
}
