import { useQuery } from '@tanstack/react-query';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../../api/client';
import { Field, INPUT, Rows } from './form-parts';
import { hostPathRisk } from '../../../../electron/api/root-risks';
import { useRiskText } from '../../../components/RootRisks';
import type { Problems, RunDraft } from './run-draft';

interface EditorProps {
  draft: RunDraft;
  setDraft: Dispatch<SetStateAction<RunDraft>>;
  problems: Problems;
}

/** Published ports, as rows: container port, host port, host address, protocol. */
export function PortRows({ draft, setDraft, problems }: EditorProps) {
  const { t } = useTranslation();
  return (
    <Rows title={t('containers.run.ports')} term="port" items={draft.ports} onChange={(ports) => setDraft((d) => ({ ...d, ports }))} blank={{ containerPort: '', hostPort: '', hostIp: '127.0.0.1', protocol: 'tcp' as const }} addLabel={t('containers.run.addPort')}>
      {(row, index, update) => (
        <>
          <Field id={`ports.${index}.containerPort`} label={t('containers.run.containerPort')} problems={problems}>
            {(props) => <input {...props} inputMode="numeric" className={INPUT} value={row.containerPort} onChange={(e) => update({ containerPort: e.target.value })} />}
          </Field>
          <Field id={`ports.${index}.hostPort`} label={t('containers.run.hostPort')} hint={t('containers.run.hostPortHint')} problems={problems}>
            {(props) => <input {...props} inputMode="numeric" className={INPUT} value={row.hostPort} onChange={(e) => update({ hostPort: e.target.value })} />}
          </Field>
          <Field id={`ports.${index}.hostIp`} label={t('containers.run.hostIp')} hint={row.hostIp === '0.0.0.0' ? t('containers.run.allAddresses') : t('containers.run.loopbackOnly')} problems={problems}>
            {(props) => <input {...props} className={INPUT} value={row.hostIp} onChange={(e) => update({ hostIp: e.target.value })} />}
          </Field>
          <Field id={`ports.${index}.protocol`} label={t('containers.run.protocol')} problems={problems}>
            {(props) => (
              <select {...props} className={INPUT} value={row.protocol} onChange={(e) => update({ protocol: e.target.value as 'tcp' | 'udp' })}>
                <option value="tcp">TCP</option>
                <option value="udp">UDP</option>
              </select>
            )}
          </Field>
        </>
      )}
    </Rows>
  );
}

/** Environment variables, as rows of name and value. */
export function EnvRows({ draft, setDraft, problems }: EditorProps) {
  const { t } = useTranslation();
  return (
    <Rows title={t('containers.run.env')} items={draft.env} onChange={(env) => setDraft((d) => ({ ...d, env }))} blank={{ key: '', value: '' }} addLabel={t('containers.run.addEnv')}>
      {(row, index, update) => (
        <>
          <Field id={`env.${index}.key`} label={t('containers.run.envKey')} problems={problems}>
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={row.key} onChange={(e) => update({ key: e.target.value })} />}
          </Field>
          <Field id={`env.${index}.value`} label={t('containers.run.envValue')} problems={problems}>
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={row.value} onChange={(e) => update({ value: e.target.value })} />}
          </Field>
        </>
      )}
    </Rows>
  );
}

/** Storage: named volumes, folders of this computer, tmpfs. */
export function MountRows({ draft, setDraft, problems }: EditorProps) {
  const { t } = useTranslation();
  const riskText = useRiskText();
  /** What a host folder gives the container when it is root-equivalent (the same pattern as the 0.0.0.0 hint). */
  const warningOf = (row: RunDraft['mounts'][number]) => {
    const code = row.type === 'bind' && row.source ? hostPathRisk(row.source) : undefined;
    return code ? riskText({ code, subject: row.source }) : undefined;
  };
  // Existing volumes are offered as you type; a new name creates a new volume.
  const volumes = useQuery(orpc.volumes.list.queryOptions());
  return (
    <>
    <datalist id="existing-volumes">
      {(volumes.data ?? []).map((volume) => (
        <option key={volume.name} value={volume.name} />
      ))}
    </datalist>
    <Rows title={t('containers.run.mounts')} term="volume" columns="md:grid-cols-2" items={draft.mounts} onChange={(mounts) => setDraft((d) => ({ ...d, mounts }))} blank={{ type: 'volume' as const, source: '', target: '', readOnly: false }} addLabel={t('containers.run.addMount')}>
      {(row, index, update) => (
        <>
          <Field id={`mounts.${index}.type`} label={t('containers.run.mountType')} hint={t(`containers.run.mountWhere.${row.type}`)} problems={problems}>
            {(props) => (
              <select {...props} className={INPUT} value={row.type} onChange={(e) => update({ type: e.target.value as 'volume' | 'bind' | 'tmpfs' })}>
                <option value="volume">{t('containers.run.mountKind.volume')}</option>
                <option value="bind">{t('containers.run.mountKind.bind')}</option>
                <option value="tmpfs">{t('containers.run.mountKind.tmpfs')}</option>
              </select>
            )}
          </Field>
          {row.type !== 'tmpfs' && (
            <Field id={`mounts.${index}.source`} label={row.type === 'volume' ? t('containers.run.volumeName') : t('containers.run.hostFolder')} warning={warningOf(row)} problems={problems}>
              {(props) => <input {...props} list={row.type === 'volume' ? 'existing-volumes' : undefined} className={`${INPUT} font-mono`} value={row.source} onChange={(e) => update({ source: e.target.value })} />}
            </Field>
          )}
          <Field id={`mounts.${index}.target`} label={t('containers.run.target')} problems={problems}>
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={row.target} onChange={(e) => update({ target: e.target.value })} />}
          </Field>
          <label className="mt-7 flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={row.readOnly} onChange={(e) => update({ readOnly: e.target.checked })} />
            {t('containers.run.readOnly')}
          </label>
        </>
      )}
    </Rows>
    </>
  );
}
