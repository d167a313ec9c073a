// Checks Kubernetes manifests without a cluster:
//  1. every object against the Kubernetes API's own schema (kubernetes-models: validators
//     generated from the published OpenAPI spec, Kubernetes 1.34: types, enums, required fields);
//  2. every pod template against the "restricted" Pod Security Standard (baseline + restricted
//     rules, as the PodSecurity admission controller's "latest" version applies them);
//  3. what Clausecam's jobs need: podFailurePolicy (exit 3 and 4 retried, 1 and 2 not), restartPolicy
//     Never, activeDeadlineSeconds, /dev/shm in memory, bounded resources, imagePullPolicy
//     IfNotPresent, and CLAUSECAM_SHARDS (or `--shard $(JOB_COMPLETION_INDEX)/N`) equal to the Job's completions.
// Prints PASS/FAIL per check and `check-manifests: N passed, M failed`; exits 1 on a failure.
//   node check.mjs FILE.yaml...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { Job, CronJob } from "kubernetes-models/batch/v1";

const MODELS = { "batch/v1/Job": Job, "batch/v1/CronJob": CronJob };

let passed = 0;
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     | ${p}`);
  }
}

/** The pod template and the Job spec of a Job or a CronJob. */
function jobParts(obj) {
  if (obj.kind === "Job") return { jobSpec: obj.spec ?? {}, template: obj.spec?.template ?? {} };
  if (obj.kind === "CronJob") {
    const jobSpec = obj.spec?.jobTemplate?.spec ?? {};
    return { jobSpec, template: jobSpec.template ?? {} };
  }
  return null;
}

function allContainers(pod) {
  return [
    ...(pod.containers ?? []).map((c) => ["containers", c]),
    ...(pod.initContainers ?? []).map((c) => ["initContainers", c]),
    ...(pod.ephemeralContainers ?? []).map((c) => ["ephemeralContainers", c]),
  ];
}

// Pod Security Standards, https://kubernetes.io/docs/concepts/security/pod-security-standards/
const BASELINE_CAPABILITIES = new Set(["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
  "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"]);
const SAFE_SYSCTLS = new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]);
const RESTRICTED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
  "projected", "secret"]);
const SELINUX_TYPES = new Set([undefined, "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

/** Violations of the restricted Pod Security Standard (which includes baseline) by one pod spec. */
export function restrictedViolations(pod) {
  const v = [];
  const psc = pod.securityContext ?? {};
  // baseline
  if (pod.hostNetwork) v.push("hostNetwork must not be true");
  if (pod.hostPID) v.push("hostPID must not be true");
  if (pod.hostIPC) v.push("hostIPC must not be true");
  for (const s of psc.sysctls ?? []) if (!SAFE_SYSCTLS.has(s.name)) v.push(`sysctl ${s.name} is not in the safe set`);
  if (!SELINUX_TYPES.has(psc.seLinuxOptions?.type)) v.push("pod seLinuxOptions.type not allowed");
  if (psc.seLinuxOptions?.user || psc.seLinuxOptions?.role) v.push("pod seLinuxOptions user/role must be unset");
  if (psc.appArmorProfile && !["RuntimeDefault", "Localhost"].includes(psc.appArmorProfile.type)) v.push("pod appArmorProfile must be RuntimeDefault or Localhost");
  if (psc.windowsOptions?.hostProcess) v.push("hostProcess must not be true");
  for (const vol of pod.volumes ?? []) {
    const type = Object.keys(vol).find((k) => k !== "name");
    if (type === "hostPath") v.push(`volume ${vol.name}: hostPath volumes are forbidden`);
    else if (!RESTRICTED_VOLUMES.has(type)) v.push(`volume ${vol.name}: type ${type} is not allowed by restricted`);
  }
  // restricted, pod level
  const podSeccomp = psc.seccompProfile?.type;
  if (podSeccomp !== undefined && !["RuntimeDefault", "Localhost"].includes(podSeccomp)) v.push(`pod seccompProfile ${podSeccomp} not allowed`);
  if (psc.runAsUser === 0) v.push("pod runAsUser must not be 0");
  for (const [kind, c] of allContainers(pod)) {
    const where = `${kind}[${c.name}]`;
    const sc = c.securityContext ?? {};
    // baseline
    if (sc.privileged) v.push(`${where}: privileged must not be true`);
    for (const p of c.ports ?? []) if (p.hostPort) v.push(`${where}: hostPort ${p.hostPort} is forbidden`);
    if (sc.procMount && sc.procMount !== "Default") v.push(`${where}: procMount must be Default`);
    if (!SELINUX_TYPES.has(sc.seLinuxOptions?.type)) v.push(`${where}: seLinuxOptions.type not allowed`);
    if (sc.appArmorProfile && !["RuntimeDefault", "Localhost"].includes(sc.appArmorProfile.type)) v.push(`${where}: appArmorProfile not allowed`);
    if (sc.windowsOptions?.hostProcess) v.push(`${where}: hostProcess must not be true`);
    // restricted
    if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: securityContext.allowPrivilegeEscalation must be false`);
    const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    if (runAsNonRoot !== true) v.push(`${where}: runAsNonRoot must be true (pod or container securityContext)`);
    if (sc.runAsUser === 0) v.push(`${where}: runAsUser must not be 0`);
    const seccomp = sc.seccompProfile?.type ?? podSeccomp;
    if (!["RuntimeDefault", "Localhost"].includes(seccomp)) v.push(`${where}: seccompProfile.type must be RuntimeDefault or Localhost (pod or container)`);
    const drop = sc.capabilities?.drop ?? [];
    if (!drop.includes("ALL")) v.push(`${where}: securityContext.capabilities.drop must include ALL`);
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap !== "NET_BIND_SERVICE") v.push(`${where}: capability ${cap} may not be added (only NET_BIND_SERVICE)`);
      if (!BASELINE_CAPABILITIES.has(cap)) v.push(`${where}: capability ${cap} is not in the baseline set`);
    }
  }
  return v.filter(Boolean);
}

/** The action a podFailurePolicy takes for a container exit code (null: no rule: counted). */
function actionFor(policy, containerName, code) {
  for (const rule of policy?.rules ?? []) {
    const on = rule.onExitCodes;
    if (!on) continue;
    if (on.containerName && on.containerName !== containerName) continue;
    const listed = (on.values ?? []).includes(code);
    if ((on.operator === "In" && listed) || (on.operator === "NotIn" && !listed && code !== 0)) return rule.action;
  }
  return null;
}

const mib = (q) => {
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q ?? ""));
  if (!m) return NaN;
  const f = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576 }[m[2]] ?? 1 / 1048576;
  return Number(m[1]) * f;
};

/** Clausecam's own requirements for a track Job. */
export function clausecamProblems(obj) {
  const p = [];
  const { jobSpec, template } = jobParts(obj);
  const pod = template.spec ?? {};
  const c = (pod.containers ?? []).find((x) => x.name === "clausecam");
  if (!c) return ["no container named clausecam"];
  if (pod.restartPolicy !== "Never") p.push("restartPolicy must be Never (podFailurePolicy needs it)");
  const policy = jobSpec.podFailurePolicy;
  if (!policy) p.push("no podFailurePolicy");
  for (const code of [3, 4]) {
    const a = actionFor(policy, c.name, code);
    if (a !== "Count" && a !== null) p.push(`exit ${code} must be retried (Count), is ${a}`);
  }
  for (const code of [1, 2]) {
    const a = actionFor(policy, c.name, code);
    if (a !== "FailJob" && a !== "FailIndex") p.push(`exit ${code} must not be retried (FailJob or FailIndex), is ${a ?? "counted and retried"}`);
  }
  if ((policy?.rules ?? []).some((r) => r.action === "FailIndex") && jobSpec.backoffLimitPerIndex === undefined) p.push("FailIndex needs backoffLimitPerIndex");
  if (!(jobSpec.activeDeadlineSeconds > 0)) p.push("activeDeadlineSeconds must be set");
  if (!((pod.terminationGracePeriodSeconds ?? 30) >= 30)) p.push("terminationGracePeriodSeconds below 30 s leaves no time to store after SIGTERM");
  const shm = (c.volumeMounts ?? []).find((m) => m.mountPath === "/dev/shm");
  const shmVolume = shm && (pod.volumes ?? []).find((v) => v.name === shm.name);
  if (!shmVolume?.emptyDir || shmVolume.emptyDir.medium !== "Memory") p.push("/dev/shm must be an emptyDir with medium Memory");
  if (c.securityContext?.readOnlyRootFilesystem && !(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) p.push("a read-only root needs a writable /tmp");
  const req = mib(c.resources?.requests?.memory);
  const lim = mib(c.resources?.limits?.memory);
  if (!(req > 0 && lim >= req)) p.push("memory requests and limits must be set, limit >= request");
  if (shmVolume?.emptyDir?.sizeLimit && !(mib(shmVolume.emptyDir.sizeLimit) < lim)) p.push("/dev/shm's sizeLimit counts against the memory limit: keep it below");
  if (!c.resources?.requests?.cpu) p.push("a cpu request must be set");
  if (c.imagePullPolicy !== "IfNotPresent") p.push("imagePullPolicy must be IfNotPresent (no image is published)");
  if (/:latest$|^[^:]+$/.test(c.image ?? "")) p.push(`image ${c.image}: name a version, not latest`);
  const args = (c.args ?? []).join(" ");
  // track takes shard JOB_COMPLETION_INDEX of CLAUSECAM_SHARDS, or an explicit --shard $(JOB_COMPLETION_INDEX)/N.
  const shard = /--shard[ =]\$\(JOB_COMPLETION_INDEX\)\/(\d+)/.exec(args);
  const shards = (c.env ?? []).find((e) => e.name === "CLAUSECAM_SHARDS")?.value;
  if (jobSpec.completionMode !== "Indexed") p.push("completionMode must be Indexed");
  if (shard) {
    if (Number(shard[1]) !== jobSpec.completions) p.push(`--shard .../${shard[1]} but completions is ${jobSpec.completions}`);
  } else if (shards === undefined) {
    p.push("the shard count must be given: env CLAUSECAM_SHARDS equal to completions (or --shard $(JOB_COMPLETION_INDEX)/N)");
  } else if (Number(shards) !== jobSpec.completions) {
    p.push(`CLAUSECAM_SHARDS is ${shards} but completions is ${jobSpec.completions}`);
  }
  return p;
}

const files = process.argv.slice(2);
let sound = null;   // the first object that passed every check
for (const file of files) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) { check(`${file}: YAML`, doc.errors.map(String)); continue; }
    const obj = doc.toJS();
    if (!obj) continue;
    const label = `${file}: ${obj.kind} ${obj.metadata?.name}`;
    const Model = MODELS[`${obj.apiVersion}/${obj.kind}`];
    if (!Model) { check(`${label}: known kind`, [`no schema for ${obj.apiVersion} ${obj.kind}`]); continue; }
    let schema = [];
    try { new Model(obj).validate(); } catch (e) { schema = [e.message]; }
    check(`${label}: valid against the Kubernetes ${obj.apiVersion} ${obj.kind} schema`, schema);
    const { template } = jobParts(obj);
    check(`${label}: pod template passes the restricted Pod Security Standard`, restrictedViolations(template.spec ?? {}));
    const failedBefore = failed;
    check(`${label}: exit codes, deadline, /dev/shm, resources, image, shard`, clausecamProblems(obj));
    if (!sound && failed === failedBefore && schema.length === 0 && restrictedViolations(template.spec ?? {}).length === 0) sound = obj;
  }
}

// The checks must catch what they are for: mutilated copies of a manifest that passed must fail.
if (sound) {
  const mutate = (f) => { const o = structuredClone(sound); const { jobSpec, template } = jobParts(o); f(jobSpec, template.spec); return o; };
  const pss = (f) => restrictedViolations(jobParts(mutate(f)).template.spec);
  const cases = [
    ["no allowPrivilegeEscalation: false", () => pss((j, pod) => delete pod.containers[0].securityContext.allowPrivilegeEscalation)],
    ["capabilities not dropped", () => pss((j, pod) => delete pod.containers[0].securityContext.capabilities)],
    ["no seccomp profile", () => pss((j, pod) => delete pod.securityContext.seccompProfile)],
    ["runAsNonRoot unset", () => pss((j, pod) => delete pod.securityContext.runAsNonRoot)],
    ["a hostPath volume", () => pss((j, pod) => pod.volumes.push({ name: "h", hostPath: { path: "/" } }))],
    ["exit 1 retried", () => clausecamProblems(mutate((j) => { j.podFailurePolicy.rules = j.podFailurePolicy.rules.filter((r) => !(r.onExitCodes?.values ?? []).includes(1)); }))],
    ["exit 3 not retried", () => clausecamProblems(mutate((j) => { j.podFailurePolicy.rules.unshift({ action: "FailJob", onExitCodes: { operator: "In", values: [3] } }); }))],
    ["shard N unlike completions", () => clausecamProblems(mutate((j) => { j.completions = 5; }))],
    ["no /dev/shm", () => clausecamProblems(mutate((j, pod) => { pod.volumes = pod.volumes.filter((v) => v.name !== "shm"); }))],
    ["completions a string (schema)", () => { const o = mutate((j) => { j.completions = "four"; }); try { new MODELS[`${o.apiVersion}/${o.kind}`](o).validate(); return []; } catch (e) { return [e.message]; } }],
  ];
  const missed = cases.filter(([, run]) => run().length === 0).map(([name]) => `not caught: ${name}`);
  check(`the checks catch broken copies of ${sound.kind} ${sound.metadata?.name} (${cases.map(([n]) => n).join("; ")})`, missed);
}

console.log(`check-manifests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
