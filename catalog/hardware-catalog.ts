/**
 * The built-in hardware catalog.
 *
 * Every entry carries its source: the citation and reliability note are copied from
 * `shared/reference/hardware-catalog.json` (the project's reference data), and
 * `derivedFields` lists the figures that were computed from the others rather than quoted
 * (for example powerW = hashrateThs x efficiencyJTh). `test/catalog/hardware-catalog.test.ts`
 * checks that this file still matches that reference.
 *
 * Add your own models with `defineAsicModel` / `defineGpuSystem` (see hardware-model.ts).
 */
import type { AsicModel, GpuSystem } from './hardware-model';

/** ASIC miners, keyed by a stable constant name. */
export const ASIC_MODELS = {
  BITMAIN_ANTMINER_S19_XP: {
    kind: "asic",
    id: "bitmain-antminer-s19-xp",
    vendor: "Bitmain",
    model: "Antminer S19 XP",
    powerW: 3010,
    hashrateThs: 140,
    efficiencyJTh: 21.5,
    cooling: "air",
    source: {
      citation: "http://miningstore.com/understanding-the-bitcoin-mining-rig-market/is-the-antminer-s19-xp-worth-it-part-1/ (140 TH, 3010 W); 21.5 W/TH: https://miningstore.com/understanding-the-bitcoin-mining-rig-market/the-definitive-guide-to-antminer-s19-series-bitcoin-miners/",
      quality: "reseller/blog (quotes Bitmain launch spec)"
    }
  },
  BITMAIN_ANTMINER_S19_XP_HYD: {
    kind: "asic",
    id: "bitmain-antminer-s19-xp-hyd",
    vendor: "Bitmain",
    model: "Antminer S19 XP Hyd",
    powerW: 5304,
    hashrateThs: 255,
    efficiencyJTh: 20.8,
    cooling: "hydro",
    source: {
      citation: "https://studio.glassnode.com/charts/btc-asic-fleet-count?a=BTC (reference rig list: S19 XP Hyd 255 TH, 5304 W, Oct 2022)",
      quality: "analytics vendor",
      derivedFields: [
        "efficiencyJTh"
      ]
    }
  },
  BITMAIN_ANTMINER_S21: {
    kind: "asic",
    id: "bitmain-antminer-s21",
    vendor: "Bitmain",
    model: "Antminer S21",
    powerW: 3500,
    hashrateThs: 200,
    efficiencyJTh: 17.5,
    cooling: "air",
    source: {
      citation: "https://viabtc.com/blog/en/268?category=0 (WDMS 2023: S21 200 TH/s, 17.5 J/TH, air, two fans)",
      quality: "pool/trade press (quotes Bitmain launch data)",
      derivedFields: [
        "powerW"
      ]
    }
  },
  BITMAIN_ANTMINER_S21_HYD: {
    kind: "asic",
    id: "bitmain-antminer-s21-hyd",
    vendor: "Bitmain",
    model: "Antminer S21 Hyd",
    powerW: 5360,
    hashrateThs: 335,
    efficiencyJTh: 16,
    cooling: "hydro",
    source: {
      citation: "https://viabtc.com/blog/en/268?category=0 (WDMS 2023: S21 Hyd 335 TH/s, 16 J/TH, liquid cooling)",
      quality: "pool/trade press (quotes Bitmain launch data)",
      derivedFields: [
        "powerW"
      ]
    }
  },
  BITMAIN_ANTMINER_S21_PRO: {
    kind: "asic",
    id: "bitmain-antminer-s21-pro",
    vendor: "Bitmain",
    model: "Antminer S21 Pro",
    powerW: 3531,
    hashrateThs: 234,
    efficiencyJTh: 15.09,
    cooling: "air",
    source: {
      citation: "https://antminer-s21-pro-profitability.pages.dev (234 TH/s, 3531 W); GitHub code catalogs list 234 TH / 3510 W (find_string id 61518628126)",
      quality: "blog + third-party code",
      derivedFields: [
        "efficiencyJTh"
      ],
      notes: "Two sources differ by 21 W (3510 vs 3531 W); efficiency ~15 J/TH either way."
    }
  },
  BITMAIN_ANTMINER_S21_XP: {
    kind: "asic",
    id: "bitmain-antminer-s21-xp",
    vendor: "Bitmain",
    model: "Antminer S21 XP",
    powerW: 3645,
    hashrateThs: 270,
    efficiencyJTh: 13.5,
    cooling: "air",
    source: {
      citation: "https://btcminermarketplace.com/how-to-calculate-roi-for-bitcoin-miner-s21-xp (270 TH/s ±3%, 13.5 J/TH ±5% on wall at 25°C, 220-277 V)",
      quality: "reseller/blog (spec table)",
      derivedFields: [
        "powerW"
      ]
    }
  },
  BITMAIN_ANTMINER_S21_PLUS_HYD: {
    kind: "asic",
    id: "bitmain-antminer-s21-plus-hyd",
    vendor: "Bitmain",
    model: "Antminer S21+ Hyd",
    powerW: 4785,
    hashrateThs: 319,
    efficiencyJTh: 15,
    cooling: "hydro",
    source: {
      citation: "https://top-crypto-mining-asics.com/how-to-calculate-the-roi-for-antminer-s21-hydro-in-2024 (319 TH/s, 4785 W, liquid cooling)",
      quality: "reseller/blog",
      derivedFields: [
        "efficiencyJTh"
      ]
    }
  },
  BITMAIN_ANTMINER_S21_XP_HYD: {
    kind: "asic",
    id: "bitmain-antminer-s21-xp-hyd",
    vendor: "Bitmain",
    model: "Antminer S21 XP Hyd",
    powerW: 5676,
    hashrateThs: 473,
    efficiencyJTh: 12,
    cooling: "hydro",
    source: {
      citation: "GitHub code catalogs via find_string (ids 52618538542, 30316805976, 46918076197: 473 TH / 5676 W); industry table id 71488730002 lists 473 TH @ 12.0 J/TH. Vendor page not found in the stored corpora.",
      quality: "third-party code (unverified vs vendor page)"
    }
  },
  BITMAIN_ANTMINER_S21_XP_IMMERSION: {
    kind: "asic",
    id: "bitmain-antminer-s21-xp-immersion",
    vendor: "Bitmain",
    model: "Antminer S21 XP Immersion",
    powerW: 3600,
    hashrateThs: 300,
    efficiencyJTh: 12,
    cooling: "immersion",
    source: {
      citation: "GitHub code catalog (find_string id 56993674473: 'Antminer S21 XP Immersion' 300 TH, 12 J/TH, cooling immersion). Vendor page not found.",
      quality: "third-party code (unverified)",
      derivedFields: [
        "powerW"
      ]
    }
  },
  BITMAIN_ANTMINER_S21E_XP_HYD_3U: {
    kind: "asic",
    id: "bitmain-antminer-s21e-xp-hyd-3u",
    vendor: "Bitmain",
    model: "Antminer S21e XP Hyd 3U (U3S21EXPH, rack-mount)",
    powerW: 11180,
    hashrateThs: 860,
    efficiencyJTh: 13,
    cooling: "hydro",
    source: {
      citation: "860 TH/s and 3U rack form factor (developed with Hut 8): https://streamlinecrypto.com/?p=43012 (Blockspace Media repost). Power 11,180 W only from an unattributed GitHub power database (code search).",
      quality: "trade press (hashrate) + third-party code (power)",
      derivedFields: [
        "efficiencyJTh"
      ],
      notes: "Another code catalog lists 11.5 J/TH (=> ~9.9 kW); treat power as uncertain."
    }
  },
  MICROBT_WHATSMINER_M60S: {
    kind: "asic",
    id: "microbt-whatsminer-m60s",
    vendor: "MicroBT",
    model: "Whatsminer M60S",
    powerW: 3441,
    hashrateThs: 186,
    efficiencyJTh: 18.5,
    cooling: "air",
    source: {
      citation: "GitHub code catalog (find_string id 61518628126: M60S 186 TH, 3441 W); another catalog (id 56993674473) lists 186 TH @ 18.5 J/TH, air. MicroBT page not found in stored corpora.",
      quality: "third-party code (unverified)",
      derivedFields: [
        "efficiencyJTh"
      ]
    }
  },
  MICROBT_WHATSMINER_M66S: {
    kind: "asic",
    id: "microbt-whatsminer-m66s",
    vendor: "MicroBT",
    model: "Whatsminer M66S",
    powerW: 5513,
    hashrateThs: 298,
    efficiencyJTh: 18.5,
    cooling: "immersion",
    source: {
      citation: "GitHub code catalog (find_string id 56993674473: M66S 298 TH, 18.5 J/TH, immersion); calculators list 'M66S Hyd (298 TH/s, 5.5kW, 18.5 J/TH)' (ids 53775369856, 53884743662); another lists 5400 W (id 61518628126).",
      quality: "third-party code (unverified)",
      derivedFields: [
        "powerW"
      ],
      notes: "M6x 3-digit families (M63/M66) are hydro/immersion form factors, often 380-480 V 3-phase input: https://d-central.tech/whatsminer-m-series/"
    }
  },
  MICROBT_WHATSMINER_M66S_PLUS: {
    kind: "asic",
    id: "microbt-whatsminer-m66s-plus",
    vendor: "MicroBT",
    model: "Whatsminer M66S+",
    powerW: 5338,
    hashrateThs: 314,
    efficiencyJTh: 17,
    cooling: "immersion",
    source: {
      citation: "https://top-crypto-mining-asics.com/how-to-calculate-the-roi-of-whatsminer-m66s (314 TH/s, 17 J/TH, 5338 W, high-voltage industrial)",
      quality: "reseller/blog",
      notes: "Cooling type inferred from M66 family naming (d-central decoder); page itself does not state immersion."
    }
  },
  MICROBT_WHATSMINER_M63S_HYD: {
    kind: "asic",
    id: "microbt-whatsminer-m63s-hyd",
    vendor: "MicroBT",
    model: "Whatsminer M63S Hyd",
    powerW: 7200,
    hashrateThs: 390,
    efficiencyJTh: 18.5,
    cooling: "hydro",
    source: {
      citation: "GitHub calculator option list (find_string id 53775369856: 'M63S Hyd (390 TH/s, 7.2kW, 18.5 J/TH)')",
      quality: "third-party code (unverified)"
    }
  },
  CANAAN_AVALON_A1566: {
    kind: "asic",
    id: "canaan-avalon-a1566",
    vendor: "Canaan",
    model: "Avalon A1566",
    powerW: 3420,
    hashrateThs: 185,
    efficiencyJTh: 18.49,
    cooling: "air",
    source: {
      citation: "185 TH/s nominal (batch bins 170-195): https://d-central.tech/fr/asic-troubleshooting/avalon-1566-low-hashrate/ ; 3420 W from GitHub code catalog (find_string id 61518628126)",
      quality: "repair-shop reference (hashrate) + third-party code (power)",
      derivedFields: [
        "efficiencyJTh"
      ]
    }
  },
  CANAAN_AVALON_A16: {
    kind: "asic",
    id: "canaan-avalon-a16",
    vendor: "Canaan",
    model: "Avalon A16",
    powerW: 3900,
    hashrateThs: 282,
    efficiencyJTh: 13.8,
    cooling: "air",
    source: {
      citation: "https://hashrateindex.com/blog/hardware-review-canaans-a16-series (282 TH/s ±5%, 3,900 W ±10%, 13.8 J/TH, air, Oct 2025)",
      quality: "analytics vendor (Luxor Hashrate Index)"
    }
  },
  CANAAN_AVALON_A16_XP: {
    kind: "asic",
    id: "canaan-avalon-a16-xp",
    vendor: "Canaan",
    model: "Avalon A16 XP",
    powerW: 3850,
    hashrateThs: 300,
    efficiencyJTh: 12.8,
    cooling: "air",
    source: {
      citation: "https://hashrateindex.com/blog/hardware-review-canaans-a16-series (300 TH/s ±5%, 3,850 W ±10%, 12.8 J/TH, air)",
      quality: "analytics vendor (Luxor Hashrate Index)"
    }
  },
  AURADINE_TERAFLUX_AH3880: {
    kind: "asic",
    id: "auradine-teraflux-ah3880",
    vendor: "Auradine",
    model: "Teraflux AH3880 (2U rack-mount)",
    powerW: 8700,
    hashrateThs: 600,
    efficiencyJTh: 14.5,
    cooling: "hydro",
    source: {
      citation: "600 TH/s, U2 hydro rack form factor: https://streamlinecrypto.com/?p=43012 (Blockspace); ~14.5 J/TH from an industry table in GitHub (find_string id 71488730002)",
      quality: "trade press + third-party table",
      derivedFields: [
        "powerW"
      ],
      notes: "powerW derived = 600 x 14.5; treat as estimate."
    }
  },
} as const satisfies Record<string, AsicModel>;

/** GPU servers and GPU racks, keyed by a stable constant name. */
export const GPU_SYSTEMS = {
  NVIDIA_DGX_H100: {
    kind: "gpu-server",
    id: "nvidia-dgx-h100",
    vendor: "NVIDIA",
    model: "DGX H100 (8x H100 SXM, 700 W each)",
    powerW: 10200,
    gpus: 8,
    cooling: "air",
    source: {
      citation: "10.2 kW max, 6x 3.3 kW PSUs, 4+2 redundancy (summarizing NVIDIA DGX H100/H200 user guide): https://unanswered.io/guide/nvidia-dgx-power-consumption-watts ; typical 6.5-8.5 kW: https://www.supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100 ; 'air-cooled DGX H100': https://www.theregister.com/2023/12/26/thermal_management_is_changing/",
      quality: "secondary (cites NVIDIA user guide)"
    }
  },
  NVIDIA_DGX_H200: {
    kind: "gpu-server",
    id: "nvidia-dgx-h200",
    vendor: "NVIDIA",
    model: "DGX H200 (8x H200 SXM, 141 GB)",
    powerW: 10200,
    gpus: 8,
    cooling: "air",
    source: {
      citation: "Same 'DGX H100/H200' power spec: 10.2 kW max, 6x 3.3 kW, 4+2: https://unanswered.io/guide/nvidia-dgx-power-consumption-watts ; H200 700 W: https://huggingface.co/hardware/h200",
      quality: "secondary (cites NVIDIA user guide)"
    }
  },
  SUPERMICRO_SYS_821GE_TNHR: {
    kind: "gpu-server",
    id: "supermicro-sys-821ge-tnhr",
    vendor: "Supermicro",
    model: "SYS-821GE-TNHR (HGX H100/H200 8-GPU, 8U)",
    powerW: 10500,
    gpus: 8,
    cooling: "air",
    source: {
      citation: "https://servnetuk.com/insights/ai-server-cooling-air-vs-liquid-2026 ('air-cooled at ~10.5 kW per server', 6-8 per 42U rack)",
      quality: "integrator blog"
    }
  },
  NVIDIA_DGX_B200: {
    kind: "gpu-server",
    id: "nvidia-dgx-b200",
    vendor: "NVIDIA",
    model: "DGX B200 (8x B200, 1,440 GB)",
    powerW: 14300,
    gpus: 8,
    cooling: "air",
    source: {
      citation: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html (14.3 kW max; 6x 3.3 kW PSUs, 5+1 redundancy; 10U; 142.4 kg); air-cooled per https://thedailyscout.com/s/mS-qfkbCluI (citing NVIDIA docs; 32-system SU ~458 kW)",
      quality: "vendor doc"
    }
  },
  NVIDIA_DGX_B300: {
    kind: "gpu-server",
    id: "nvidia-dgx-b300",
    vendor: "NVIDIA",
    model: "DGX B300 (8x B300)",
    powerW: 14500,
    gpus: 8,
    cooling: "unspecified",
    source: {
      citation: "https://thedailyscout.com/s/mS-qfkbCluI (citing NVIDIA docs: DGX B300 14.5 kW)",
      quality: "secondary (cites NVIDIA docs)",
      notes: "The source does not state the cooling; hybrid-campus lets air, chiller or direct-to-chip cooling serve it."
    }
  },
  NVIDIA_GB200_NVL72_RACK: {
    kind: "gpu-rack",
    id: "nvidia-gb200-nvl72-rack",
    vendor: "NVIDIA",
    model: "GB200 NVL72 rack (72x B200, 36x Grace, 18 compute + 9 NVLink switch trays)",
    powerW: 120000,
    gpus: 72,
    // 18 compute trays of 4 GPUs (2 Grace + 4 Blackwell each) and 9 NVLink switch trays: a node has 4 GPUs.
    gpusPerNode: 4,
    cooling: "direct-to-chip",
    source: {
      citation: "~120 kW/rack: https://introl.com/blog/gb200-nvl72-deployment-72-gpu-liquid-cooled ; https://www.leviathansystems.co/blog/liquid-cooling-requirements-blackwell (no air-cooled option, ~1,360 kg/rack); rack layout + liquid manifolds: https://docs.nvidia.com/dgx/dgxgb200-user-guide/hardware.html ; SuperPOD SU of 8 racks = 1.2 MW TDP: https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-gb200/latest/dgx-superpod-architecture.html",
      quality: "vendor doc + secondary"
    }
  },
  NVIDIA_GB300_NVL72_RACK: {
    kind: "gpu-rack",
    id: "nvidia-gb300-nvl72-rack",
    vendor: "NVIDIA",
    model: "GB300 NVL72 rack (72x B300 @1.4 kW, 36x Grace)",
    powerW: 132000,
    gpus: 72,
    // 18 compute trays of 4 GPUs (2 Grace + 4 Blackwell each) and 9 NVLink switch trays: a node has 4 GPUs.
    gpusPerNode: 4,
    cooling: "direct-to-chip",
    source: {
      citation: "Supermicro: 8x 1U 33 kW power shelves (6x 5.5 kW PSUs) = 132 kW, typical 132-140 kW, in-rack CDU up to 250 kW with N+1 pumps: https://www.serversimply.com/blog/inside-supermicro-gb300-nvl72 ; range 120-140 kW, Microsoft ~136 kW, transients ~1.4x: https://ai-infrastructure.net/datacentre-physical/",
      quality: "OEM brochure (secondary) + secondary"
    }
  },
} as const satisfies Record<string, GpuSystem>;
