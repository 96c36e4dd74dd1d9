/**
 * wasi:sockets — no network under any policy. Creating a TCP or UDP socket answers `access-denied`
 * and name lookup `permanent-resolver-failure` (the error codes a guest's libc already handles), and
 * each attempt is a denied ledger entry. The socket and stream resources exist because jco's
 * bindings look them up by name; the host never creates one, so they carry no behaviour.
 */
import { err, type Err } from './io.js';
import type { Gate } from './policy.js';

type ErrorCode = 'access-denied' | 'permanent-resolver-failure';

class Network {}
class TcpSocket {}
class UdpSocket {}
class IncomingDatagramStream {}
class OutgoingDatagramStream {}
class ResolveAddressStream {}

export function createSockets(gate: Gate) {
  const deny = (call: string, code: ErrorCode): Err<ErrorCode> => {
    gate.use(`wasi:sockets/${call}`, 'network');
    return err(code);
  };
  return {
    'wasi:sockets/network': {
      Network,
      // @unstable(network-error-code): no stream error in this host comes from a socket.
      networkErrorCode: (): undefined => undefined,
    },
    'wasi:sockets/instance-network': { instanceNetwork: () => new Network() },
    'wasi:sockets/tcp': { TcpSocket },
    'wasi:sockets/udp': { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    'wasi:sockets/tcp-create-socket': {
      createTcpSocket: () => deny('tcp-create-socket#create-tcp-socket', 'access-denied'),
    },
    'wasi:sockets/udp-create-socket': {
      createUdpSocket: () => deny('udp-create-socket#create-udp-socket', 'access-denied'),
    },
    'wasi:sockets/ip-name-lookup': {
      ResolveAddressStream,
      resolveAddresses: () => deny('ip-name-lookup#resolve-addresses', 'permanent-resolver-failure'),
    },
  };
}
