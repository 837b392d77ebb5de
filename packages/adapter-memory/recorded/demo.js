// Recorded from the real server by `npm run record` (packages/adapter-memory/record): do not edit.
export default {
  "recordedAt": "2026-03-02T10:00:00.000Z",
  "shopper": "demo-customer",
  "reviews": [
    {
      "id": "r1",
      "productId": "p1",
      "rating": 5,
      "title": "Perfect everyday bag",
      "body": "Sturdy canvas, great quality stitching. The size fits my laptop, a bottle and lunch.",
      "author": {
        "displayName": "Lin A.",
        "verifiedBuyer": true
      },
      "media": [
        {
          "id": "m-r1-1",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%23c9a27e%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Cpath%20d%3D%22M190%20130a50%2050%200%200%201%20100%200%22%20fill%3D%22none%22%20stroke%3D%22%235b4636%22%20stroke-width%3D%2212%22%2F%3E%3Crect%20x%3D%22140%22%20y%3D%22128%22%20width%3D%22200%22%20height%3D%22180%22%20rx%3D%2212%22%20fill%3D%22currentColor%22%2F%3E%3Crect%20x%3D%22210%22%20y%3D%22180%22%20width%3D%2260%22%20height%3D%2244%22%20rx%3D%226%22%20fill%3D%22%23fff%22%20opacity%3D%22.35%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "The tote from the front"
        },
        {
          "id": "m-r1-2",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%23c9a27e%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Crect%20x%3D%22100%22%20y%3D%2290%22%20width%3D%22280%22%20height%3D%22220%22%20rx%3D%2216%22%20fill%3D%22currentColor%22%2F%3E%3Crect%20x%3D%22130%22%20y%3D%22120%22%20width%3D%22220%22%20height%3D%2270%22%20rx%3D%228%22%20fill%3D%22%23000%22%20opacity%3D%22.15%22%2F%3E%3Crect%20x%3D%22150%22%20y%3D%22210%22%20width%3D%2280%22%20height%3D%2270%22%20rx%3D%226%22%20fill%3D%22%23fff%22%20opacity%3D%22.5%22%2F%3E%3Crect%20x%3D%22250%22%20y%3D%22210%22%20width%3D%2280%22%20height%3D%2270%22%20rx%3D%226%22%20fill%3D%22%23fff%22%20opacity%3D%22.5%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "The inside pockets"
        }
      ],
      "createdAt": "2026-03-01T08:00:00.000Z",
      "status": "published",
      "helpfulCount": 0,
      "recommend": true
    },
    {
      "id": "r2",
      "productId": "p1",
      "rating": 4,
      "title": "Good, strap a bit thin",
      "body": "Fits true to size and the fabric feels great, but the strap digs in when full.",
      "author": {
        "displayName": "Ana B.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-28T06:00:00.000Z",
      "status": "published",
      "helpfulCount": 7,
      "recommend": true
    },
    {
      "id": "r3",
      "productId": "p1",
      "rating": 5,
      "body": "Bought a second one for my sister. 很好用！The colour is even nicer in person.",
      "author": {
        "displayName": "Wei C.",
        "verifiedBuyer": false
      },
      "media": [
        {
          "id": "m-r3-1",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%238fa98a%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Cpath%20d%3D%22M190%20130a50%2050%200%200%201%20100%200%22%20fill%3D%22none%22%20stroke%3D%22%235b4636%22%20stroke-width%3D%2212%22%2F%3E%3Crect%20x%3D%22140%22%20y%3D%22128%22%20width%3D%22200%22%20height%3D%22180%22%20rx%3D%2212%22%20fill%3D%22currentColor%22%2F%3E%3Crect%20x%3D%22210%22%20y%3D%22180%22%20width%3D%2260%22%20height%3D%2244%22%20rx%3D%226%22%20fill%3D%22%23fff%22%20opacity%3D%22.35%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "The tote from the front"
        }
      ],
      "createdAt": "2026-02-27T04:00:00.000Z",
      "status": "published",
      "helpfulCount": 3,
      "recommend": true
    },
    {
      "id": "r4",
      "productId": "p1",
      "rating": 3,
      "title": "Nice colour, so-so pockets",
      "body": "The colour is darker than the photos and the inner pockets are shallow.",
      "author": {
        "displayName": "Sam D.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-26T02:00:00.000Z",
      "status": "published",
      "helpfulCount": 10
    },
    {
      "id": "r5",
      "productId": "p1",
      "rating": 1,
      "title": "Strap broke",
      "body": "The strap broke after a week of carrying groceries. Quality control needs work.",
      "author": {
        "displayName": "Mei E.",
        "verifiedBuyer": true
      },
      "media": [
        {
          "id": "m-r5-1",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%23c9a27e%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Crect%20x%3D%2260%22%20y%3D%22150%22%20width%3D%22360%22%20height%3D%2260%22%20rx%3D%228%22%20fill%3D%22currentColor%22%2F%3E%3Cpath%20d%3D%22M70%20162h340M70%20198h340%22%20stroke%3D%22%23fff%22%20stroke-width%3D%223%22%20stroke-dasharray%3D%2210%208%22%2F%3E%3Ccircle%20cx%3D%22240%22%20cy%3D%22180%22%20r%3D%2216%22%20fill%3D%22%23caa25a%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "Close-up of the strap stitching"
        }
      ],
      "createdAt": "2026-02-25T00:00:00.000Z",
      "status": "published",
      "helpfulCount": 6,
      "recommend": false,
      "reply": {
        "body": "Sorry about the strap, Mei. We have sent you a replacement and reinforced the stitching on new bags.",
        "createdAt": "2026-02-26T06:00:00.000Z"
      }
    },
    {
      "id": "r6",
      "productId": "p1",
      "rating": 5,
      "title": "Worth every cent",
      "body": "Great price for this quality. The zip runs smoothly and the pockets hold my keys.",
      "author": {
        "displayName": "Jo F.",
        "verifiedBuyer": false
      },
      "media": [],
      "createdAt": "2026-02-23T22:00:00.000Z",
      "status": "published",
      "helpfulCount": 2,
      "recommend": true
    },
    {
      "id": "r7",
      "productId": "p1",
      "rating": 4,
      "title": "Solid",
      "body": "Decent size for daily use. Delivery was quick and it came well packed.",
      "author": {
        "displayName": "Chen G.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-22T20:00:00.000Z",
      "status": "published",
      "helpfulCount": 9,
      "recommend": true,
      "incentivized": true
    },
    {
      "id": "r8",
      "productId": "p1",
      "rating": 2,
      "body": "Decent for the price, stitching could be better and the colour faded after one wash.",
      "author": {
        "displayName": "Ravi H.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-21T18:00:00.000Z",
      "status": "published",
      "helpfulCount": 5
    },
    {
      "id": "r9",
      "productId": "p1",
      "rating": 5,
      "title": "Love it",
      "body": "I have carried this tote every day for three months. It still looks new: the quality of the canvas is excellent, the colour has not faded in the sun, and the leather trim on the strap has softened nicely. It holds a 14-inch laptop, a cardigan, a lunch box and a book without losing its shape, and it stands up on its own on the floor of a café, which sounds minor until you own a bag that flops over. The inside pockets fit a phone and a passport. My only wish is a zip pocket on the outside for a transit card, because digging for it at the gate is the one annoyance left. Delivery took three days. Would buy again in another colour.",
      "author": {
        "displayName": "Yu I.",
        "verifiedBuyer": false
      },
      "media": [
        {
          "id": "m-r9-1",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%23c9a27e%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Cpath%20d%3D%22M190%20130a50%2050%200%200%201%20100%200%22%20fill%3D%22none%22%20stroke%3D%22%235b4636%22%20stroke-width%3D%2212%22%2F%3E%3Crect%20x%3D%22140%22%20y%3D%22128%22%20width%3D%22200%22%20height%3D%22180%22%20rx%3D%2212%22%20fill%3D%22currentColor%22%2F%3E%3Crect%20x%3D%22210%22%20y%3D%22180%22%20width%3D%2260%22%20height%3D%2244%22%20rx%3D%226%22%20fill%3D%22%23fff%22%20opacity%3D%22.35%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "The tote from the front"
        },
        {
          "id": "m-r9-2",
          "kind": "image",
          "url": "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22480%22%20height%3D%22360%22%20color%3D%22%23c9a27e%22%3E%3Crect%20width%3D%22480%22%20height%3D%22360%22%20fill%3D%22%23f3efe8%22%2F%3E%3Crect%20x%3D%2260%22%20y%3D%22150%22%20width%3D%22360%22%20height%3D%2260%22%20rx%3D%228%22%20fill%3D%22currentColor%22%2F%3E%3Cpath%20d%3D%22M70%20162h340M70%20198h340%22%20stroke%3D%22%23fff%22%20stroke-width%3D%223%22%20stroke-dasharray%3D%2210%208%22%2F%3E%3Ccircle%20cx%3D%22240%22%20cy%3D%22180%22%20r%3D%2216%22%20fill%3D%22%23caa25a%22%2F%3E%3C%2Fsvg%3E",
          "width": 480,
          "height": 360,
          "alt": "Close-up of the strap stitching"
        }
      ],
      "createdAt": "2026-02-20T16:00:00.000Z",
      "status": "published",
      "helpfulCount": 1,
      "recommend": true
    },
    {
      "id": "r10",
      "productId": "p1",
      "rating": 4,
      "title": "Good size",
      "body": "The size is right for work. I would have liked a longer strap.",
      "author": {
        "displayName": "Kim J.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-19T14:00:00.000Z",
      "status": "published",
      "helpfulCount": 8,
      "recommend": true
    },
    {
      "id": "r11",
      "productId": "p1",
      "rating": 5,
      "title": "质量很好",
      "body": "质量很好，颜色和图片一样。大小刚好，能放下笔记本电脑。",
      "author": {
        "displayName": "Lin K.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-18T12:00:00.000Z",
      "status": "published",
      "helpfulCount": 4,
      "recommend": true
    },
    {
      "id": "r12",
      "productId": "p1",
      "rating": 3,
      "body": "Average quality. The colour is nice but the zip sticks now and then.",
      "author": {
        "displayName": "Ana L.",
        "verifiedBuyer": false
      },
      "media": [],
      "createdAt": "2026-02-17T10:00:00.000Z",
      "status": "published",
      "helpfulCount": 0
    },
    {
      "id": "r13",
      "productId": "p1",
      "rating": 1,
      "title": "Fell apart",
      "body": "Seams split at the bottom after two weeks. The quality is not what the price suggests.",
      "author": {
        "displayName": "Wei M.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-16T08:00:00.000Z",
      "status": "published",
      "helpfulCount": 7,
      "recommend": false
    },
    {
      "id": "r14",
      "productId": "p1",
      "rating": 5,
      "title": "Exactly as pictured",
      "body": "Colour and size exactly as pictured. Delivery to Singapore took four days.",
      "author": {
        "displayName": "Sam N.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-15T06:00:00.000Z",
      "status": "published",
      "helpfulCount": 3,
      "recommend": true
    },
    {
      "id": "r15",
      "productId": "p1",
      "rating": 4,
      "title": "Nice",
      "body": "Nice bag, comfortable strap, pockets could be deeper.",
      "author": {
        "displayName": "Mei O.",
        "verifiedBuyer": false
      },
      "media": [],
      "createdAt": "2026-02-14T04:00:00.000Z",
      "status": "published",
      "helpfulCount": 10,
      "recommend": true
    },
    {
      "id": "r16",
      "productId": "p1",
      "rating": 2,
      "title": "Not as roomy",
      "body": "Smaller than I expected from the photos: check the size before you order.",
      "author": {
        "displayName": "Jo P.",
        "verifiedBuyer": true
      },
      "media": [],
      "createdAt": "2026-02-13T02:00:00.000Z",
      "status": "published",
      "helpfulCount": 6
    }
  ],
  "summaries": {
    "p1": {
      "productId": "p1",
      "count": 16,
      "histogram": [
        2,
        2,
        2,
        4,
        6
      ],
      "average": 3.6,
      "recommendPercent": 83,
      "withMediaCount": 4,
      "topics": []
    }
  },
  "listings": {
    "p1 sort=highest": [
      "r1",
      "r3",
      "r6",
      "r9",
      "r11",
      "r14",
      "r2",
      "r7",
      "r10",
      "r15",
      "r4",
      "r12",
      "r8",
      "r16",
      "r5",
      "r13"
    ],
    "p1 sort=lowest": [
      "r5",
      "r13",
      "r8",
      "r16",
      "r4",
      "r12",
      "r2",
      "r7",
      "r10",
      "r15",
      "r1",
      "r3",
      "r6",
      "r9",
      "r11",
      "r14"
    ],
    "p1 rating=5 sort=newest": [
      "r1",
      "r3",
      "r6",
      "r9",
      "r11",
      "r14"
    ],
    "p1 rating=4 sort=newest": [
      "r2",
      "r7",
      "r10",
      "r15"
    ],
    "p1 rating=3 sort=newest": [
      "r4",
      "r12"
    ],
    "p1 rating=2 sort=newest": [
      "r8",
      "r16"
    ],
    "p1 rating=1 sort=newest": [
      "r5",
      "r13"
    ],
    "p1 sort=newest withMedia=true": [
      "r1",
      "r3",
      "r5",
      "r9"
    ]
  },
  "questions": [
    {
      "id": "q4",
      "productId": "p1",
      "body": "Can I put it in the washing machine?",
      "author": {
        "displayName": "Jo"
      },
      "createdAt": "2026-03-02T04:00:00.000Z",
      "status": "published",
      "answers": []
    },
    {
      "id": "q3",
      "productId": "p1",
      "body": "有没有黑色的？想买一个送人。",
      "author": {
        "displayName": "王芳"
      },
      "createdAt": "2026-02-28T18:00:00.000Z",
      "status": "published",
      "answers": [
        {
          "id": "a5",
          "questionId": "q3",
          "body": "黑色款下个月到货。",
          "author": {
            "displayName": "Kith Store",
            "role": "merchant",
            "verifiedBuyer": false
          },
          "createdAt": "2026-03-01T04:00:00.000Z",
          "status": "published"
        }
      ]
    },
    {
      "id": "q2",
      "productId": "p1",
      "body": "Is the canvas waterproof or only water-resistant?",
      "author": {
        "displayName": "Sam"
      },
      "createdAt": "2026-02-26T16:00:00.000Z",
      "status": "published",
      "answers": [
        {
          "id": "a4",
          "questionId": "q2",
          "body": "Water-resistant: rain beads off the wax, but the seams are not sealed.",
          "author": {
            "displayName": "Dana (expert)",
            "role": "expert",
            "verifiedBuyer": false
          },
          "createdAt": "2026-02-27T22:00:00.000Z",
          "status": "published"
        },
        {
          "id": "a3",
          "questionId": "q2",
          "body": "Mine survived a downpour with dry contents.",
          "author": {
            "displayName": "Mei L.",
            "role": "customer",
            "verifiedBuyer": false
          },
          "createdAt": "2026-02-27T02:00:00.000Z",
          "status": "published"
        }
      ]
    },
    {
      "id": "q1",
      "productId": "p1",
      "body": "Does it fit a 15-inch laptop?",
      "author": {
        "displayName": "Priya"
      },
      "createdAt": "2026-02-25T10:00:00.000Z",
      "status": "published",
      "answers": [
        {
          "id": "a2",
          "questionId": "q1",
          "body": "It fits laptops up to 15.6 inches (38 × 26 cm); the sleeve takes 14.",
          "author": {
            "displayName": "Kith Store",
            "role": "merchant",
            "verifiedBuyer": false
          },
          "createdAt": "2026-02-25T20:00:00.000Z",
          "status": "published"
        },
        {
          "id": "a1",
          "questionId": "q1",
          "body": "Yes, I carry a 15-inch laptop in it every day, with a charger.",
          "author": {
            "displayName": "Tom B.",
            "role": "customer",
            "verifiedBuyer": true
          },
          "createdAt": "2026-02-25T12:00:00.000Z",
          "status": "published"
        }
      ]
    }
  ],
  "shows": [
    {
      "id": "show-1",
      "title": "Autumn drop, live from the studio",
      "status": "scheduled",
      "startsAt": "2026-03-02T12:00:00.000Z",
      "streamUrl": "https://live.example.com/show-1",
      "host": {
        "displayName": "Mia"
      },
      "productIds": [
        "p1",
        "p2"
      ]
    },
    {
      "id": "show-2",
      "title": "Sneaker unboxing",
      "status": "live",
      "startsAt": "2026-03-02T09:30:00.000Z",
      "startedAt": "2026-03-02T09:30:00.000Z",
      "streamUrl": "https://live.example.com/show-2",
      "viewerCount": 1284,
      "host": {
        "displayName": "Leo"
      },
      "productIds": [
        "p3"
      ]
    },
    {
      "id": "show-3",
      "title": "Skincare Q&A",
      "status": "ended",
      "startsAt": "2026-03-01T08:00:00.000Z",
      "startedAt": "2026-03-01T08:00:00.000Z",
      "endedAt": "2026-03-01T09:00:00.000Z",
      "streamUrl": "https://live.example.com/show-3",
      "replayUrl": "https://live.example.com/show-3/replay",
      "host": {
        "displayName": "Yan"
      },
      "productIds": [
        "p4"
      ]
    }
  ],
  "points": {
    "program": {
      "name": "Kith Rewards",
      "tiers": [
        {
          "id": "member",
          "name": "Member",
          "threshold": 0
        },
        {
          "id": "silver",
          "name": "Silver",
          "perks": [
            "Early access to sales"
          ],
          "threshold": 500
        },
        {
          "id": "gold",
          "name": "Gold",
          "perks": [
            "Free shipping on every order",
            "Early access to sales"
          ],
          "threshold": 2000
        }
      ],
      "earn": [
        {
          "per": {
            "minor": 100,
            "currency": "USD"
          },
          "action": "purchase",
          "points": 1
        },
        {
          "action": "review",
          "points": 20
        },
        {
          "action": "photo_review",
          "points": 50
        },
        {
          "action": "share",
          "points": 5,
          "dailyCap": 3
        },
        {
          "action": "referral",
          "points": 100
        },
        {
          "action": "check_in",
          "points": 5,
          "streakBonus": {
            "points": 20,
            "everyDays": 7
          }
        }
      ],
      "rewards": [
        {
          "id": "rw-ship",
          "title": "Free shipping on your next order",
          "cost": 300,
          "kind": "perk",
          "stock": 25
        },
        {
          "id": "rw-5off",
          "title": "$5 off",
          "cost": 500,
          "kind": "coupon",
          "coupon": {
            "amountOff": {
              "minor": 500,
              "currency": "USD"
            },
            "minimumSpend": {
              "minor": 3000,
              "currency": "USD"
            }
          },
          "stock": 199
        },
        {
          "id": "rw-early",
          "title": "Early access: winter drop",
          "cost": 800,
          "kind": "perk",
          "stock": 200,
          "tierId": "silver"
        },
        {
          "id": "rw-10p",
          "title": "10% off",
          "cost": 1200,
          "kind": "coupon",
          "coupon": {
            "percentOff": 10
          },
          "stock": 200
        },
        {
          "id": "rw-tote",
          "title": "Canvas tote gift",
          "cost": 2500,
          "kind": "perk",
          "stock": 0
        }
      ],
      "badges": [
        {
          "id": "first_purchase",
          "name": "First order",
          "description": "Earned points on a first order"
        },
        {
          "id": "first_review",
          "name": "First review",
          "description": "Earned points for a first review"
        },
        {
          "id": "photo_review",
          "name": "Photo reviewer",
          "description": "Earned points for a review with photos"
        },
        {
          "id": "streak_7",
          "name": "7-day streak",
          "description": "Checked in seven days in a row"
        },
        {
          "id": "team_leader",
          "name": "Team leader",
          "description": "Led a group-buy team to success"
        },
        {
          "id": "first_redemption",
          "name": "First reward",
          "description": "Redeemed points for a first reward"
        }
      ],
      "expiryMonths": 12,
      "pendingDays": 30,
      "timeZone": "UTC",
      "termsUrl": "https://shop.example.com/rewards/terms"
    },
    "states": {
      "member": {
        "account": {
          "balance": 840,
          "pending": 180,
          "lifetime": 1520,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 480
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_87",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_121",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_107",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_71",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_71"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_55",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000001"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_40",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_16",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000002",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_3",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ],
        "after": {
          "checkIn": {
            "answer": {
              "points": 5,
              "bonus": 0,
              "streak": 3
            },
            "then": "checked-in"
          },
          "redeem:rw-ship": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000003",
              "rewardId": "rw-ship",
              "rewardTitle": "Free shipping on your next order",
              "points": 300,
              "code": "KITH-SHIP-001",
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "member+redeem:rw-ship"
          },
          "redeem:rw-5off": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000004",
              "rewardId": "rw-5off",
              "rewardTitle": "$5 off",
              "points": 500,
              "code": "KITH-FIVE-002",
              "coupon": {
                "amountOff": {
                  "minor": 500,
                  "currency": "USD"
                },
                "minimumSpend": {
                  "minor": 3000,
                  "currency": "USD"
                }
              },
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "member+redeem:rw-5off"
          },
          "redeem:rw-early": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000005",
              "rewardId": "rw-early",
              "rewardTitle": "Early access: winter drop",
              "points": 800,
              "code": "KITH-EARLY-001",
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "member+redeem:rw-early"
          }
        }
      },
      "new-member": {
        "account": {
          "balance": 0,
          "pending": 0,
          "lifetime": 0,
          "tier": {
            "id": "member",
            "name": "Member",
            "threshold": 0
          },
          "nextTier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500,
            "pointsNeeded": 500
          },
          "badges": [],
          "checkIn": {
            "streak": 0,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": []
      },
      "checked-in": {
        "account": {
          "balance": 845,
          "pending": 180,
          "lifetime": 1525,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 475
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 3,
            "checkedInToday": true,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_88",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_135",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_122",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_108",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_72",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_72"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_56",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000006"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_41",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_17",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000007",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_4",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ],
        "after": {
          "redeem:rw-ship": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000008",
              "rewardId": "rw-ship",
              "rewardTitle": "Free shipping on your next order",
              "points": 300,
              "code": "KITH-SHIP-001",
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "checked-in+redeem:rw-ship"
          },
          "redeem:rw-5off": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000009",
              "rewardId": "rw-5off",
              "rewardTitle": "$5 off",
              "points": 500,
              "code": "KITH-FIVE-002",
              "coupon": {
                "amountOff": {
                  "minor": 500,
                  "currency": "USD"
                },
                "minimumSpend": {
                  "minor": 3000,
                  "currency": "USD"
                }
              },
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "checked-in+redeem:rw-5off"
          },
          "redeem:rw-early": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000010",
              "rewardId": "rw-early",
              "rewardTitle": "Early access: winter drop",
              "points": 800,
              "code": "KITH-EARLY-001",
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "checked-in+redeem:rw-early"
          }
        }
      },
      "bonus-next": {
        "account": {
          "balance": 860,
          "pending": 180,
          "lifetime": 1540,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 460
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 6,
            "checkedInToday": false,
            "nextPoints": 25
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_89",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_133",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 860,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_119",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 855,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_105",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-27"
            },
            "status": "available",
            "expiresAt": "2027-02-27T10:00:00.000Z",
            "balanceAfter": 850,
            "createdAt": "2026-02-27T10:00:00.000Z"
          },
          {
            "id": "pe_103",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-26"
            },
            "status": "available",
            "expiresAt": "2027-02-26T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-02-26T10:00:00.000Z"
          },
          {
            "id": "pe_101",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-25"
            },
            "status": "available",
            "expiresAt": "2027-02-25T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_85",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-24"
            },
            "status": "available",
            "expiresAt": "2027-02-24T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-24T10:00:00.000Z"
          },
          {
            "id": "pe_73",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_73"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_57",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000011"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_42",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_18",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000012",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_5",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ],
        "after": {
          "checkIn": {
            "answer": {
              "points": 25,
              "bonus": 20,
              "streak": 7
            },
            "then": "bonus-next+checkIn"
          }
        }
      },
      "expiring": {
        "account": {
          "balance": 840,
          "pending": 180,
          "lifetime": 1520,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 480
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-02-10T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": {
            "points": 650,
            "at": "2026-03-12T10:00:00.000Z"
          }
        },
        "history": [
          {
            "id": "pe_90",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_123",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_109",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_74",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_74"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_58",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000013"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_43",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_19",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000014",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_2",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-03-12T10:00:00.000Z",
            "expiresAt": "2026-03-12T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-02-10T10:00:00.000Z"
          }
        ]
      },
      "top-tier": {
        "account": {
          "balance": 3163,
          "pending": 180,
          "lifetime": 3843,
          "tier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000
          },
          "nextTier": null,
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "streak_7",
              "name": "7-day streak",
              "earnedAt": "2025-11-28T10:00:00.000Z"
            },
            {
              "id": "team_leader",
              "name": "Team leader",
              "earnedAt": "2025-12-12T10:15:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_91",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1005"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_124",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 3163,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_110",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 3158,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_75",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_75"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 3153,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_54",
            "kind": "earn",
            "action": "purchase",
            "points": 2215,
            "source": {
              "type": "order",
              "id": "o-1004"
            },
            "status": "available",
            "availableAt": "2026-02-15T10:00:00.000Z",
            "expiresAt": "2027-02-15T10:00:00.000Z",
            "balanceAfter": 3123,
            "createdAt": "2026-01-16T10:00:00.000Z"
          },
          {
            "id": "pe_59",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000015"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 908,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_38",
            "kind": "earn",
            "action": "purchase",
            "points": 53,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "available",
            "availableAt": "2026-01-11T10:05:00.000Z",
            "expiresAt": "2027-01-11T10:05:00.000Z",
            "balanceAfter": 858,
            "createdAt": "2025-12-12T10:05:00.000Z"
          },
          {
            "id": "pe_44",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 805,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_37",
            "kind": "earn",
            "action": "streak_bonus",
            "points": 20,
            "source": {
              "type": "check_in",
              "id": "2025-11-28"
            },
            "status": "available",
            "expiresAt": "2026-11-28T10:00:00.000Z",
            "balanceAfter": 705,
            "createdAt": "2025-11-28T10:00:00.000Z"
          },
          {
            "id": "pe_36",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-28"
            },
            "status": "available",
            "expiresAt": "2026-11-28T10:00:00.000Z",
            "balanceAfter": 685,
            "createdAt": "2025-11-28T10:00:00.000Z"
          },
          {
            "id": "pe_35",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-27"
            },
            "status": "available",
            "expiresAt": "2026-11-27T10:00:00.000Z",
            "balanceAfter": 680,
            "createdAt": "2025-11-27T10:00:00.000Z"
          },
          {
            "id": "pe_34",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-26"
            },
            "status": "available",
            "expiresAt": "2026-11-26T10:00:00.000Z",
            "balanceAfter": 675,
            "createdAt": "2025-11-26T10:00:00.000Z"
          },
          {
            "id": "pe_33",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-25"
            },
            "status": "available",
            "expiresAt": "2026-11-25T10:00:00.000Z",
            "balanceAfter": 670,
            "createdAt": "2025-11-25T10:00:00.000Z"
          },
          {
            "id": "pe_32",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-24"
            },
            "status": "available",
            "expiresAt": "2026-11-24T10:00:00.000Z",
            "balanceAfter": 665,
            "createdAt": "2025-11-24T10:00:00.000Z"
          },
          {
            "id": "pe_31",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-23"
            },
            "status": "available",
            "expiresAt": "2026-11-23T10:00:00.000Z",
            "balanceAfter": 660,
            "createdAt": "2025-11-23T10:00:00.000Z"
          },
          {
            "id": "pe_30",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2025-11-22"
            },
            "status": "available",
            "expiresAt": "2026-11-22T10:00:00.000Z",
            "balanceAfter": 655,
            "createdAt": "2025-11-22T10:00:00.000Z"
          },
          {
            "id": "pe_20",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000016",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_6",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "rich": {
        "account": {
          "balance": 1300,
          "pending": 180,
          "lifetime": 1980,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 20
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_92",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1003"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_125",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 1300,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_111",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 1295,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_69",
            "kind": "earn",
            "action": "purchase",
            "points": 460,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "available",
            "availableAt": "2026-02-25T10:00:00.000Z",
            "expiresAt": "2027-02-25T10:00:00.000Z",
            "balanceAfter": 1290,
            "createdAt": "2026-01-26T10:00:00.000Z"
          },
          {
            "id": "pe_76",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_76"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_60",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000017"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_45",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_21",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000018",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_7",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ],
        "after": {
          "redeem:rw-10p": {
            "answer": {
              "id": "rdm_00000000-0000-4000-8000-000000000019",
              "rewardId": "rw-10p",
              "rewardTitle": "10% off",
              "points": 1200,
              "code": "KITH-TENP-001",
              "coupon": {
                "percentOff": 10
              },
              "createdAt": "2026-03-02T10:00:00.000Z"
            },
            "then": "rich+redeem:rw-10p"
          }
        }
      },
      "member+redeem:rw-ship": {
        "account": {
          "balance": 540,
          "pending": 180,
          "lifetime": 1520,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 480
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_93",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_136",
            "kind": "redeem",
            "points": -300,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000003",
              "label": "Free shipping on your next order"
            },
            "status": "available",
            "balanceAfter": 540,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_126",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_112",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_77",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_77"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_61",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000020"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_46",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_22",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000021",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_8",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "checked-in+redeem:rw-ship": {
        "account": {
          "balance": 545,
          "pending": 180,
          "lifetime": 1525,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 475
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 3,
            "checkedInToday": true,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_94",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_142",
            "kind": "redeem",
            "points": -300,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000008",
              "label": "Free shipping on your next order"
            },
            "status": "available",
            "balanceAfter": 545,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_137",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_127",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_113",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_78",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_78"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_62",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000022"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_47",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_23",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000023",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_9",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "member+redeem:rw-5off": {
        "account": {
          "balance": 340,
          "pending": 180,
          "lifetime": 1520,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 480
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_95",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_138",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000004",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 340,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_128",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_114",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_79",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_79"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_63",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000024"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_48",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_24",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000025",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_10",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "checked-in+redeem:rw-5off": {
        "account": {
          "balance": 345,
          "pending": 180,
          "lifetime": 1525,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 475
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 3,
            "checkedInToday": true,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_96",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_143",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000009",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 345,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_139",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_129",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_115",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_80",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_80"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_64",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000026"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_49",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_25",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000027",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_11",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "member+redeem:rw-early": {
        "account": {
          "balance": 40,
          "pending": 180,
          "lifetime": 1520,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 480
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_97",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_140",
            "kind": "redeem",
            "points": -800,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000005",
              "label": "Early access: winter drop"
            },
            "status": "available",
            "balanceAfter": 40,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_130",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_116",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_81",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_81"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_65",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000028"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_50",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_26",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000029",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_12",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "checked-in+redeem:rw-early": {
        "account": {
          "balance": 45,
          "pending": 180,
          "lifetime": 1525,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 475
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 3,
            "checkedInToday": true,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_98",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_144",
            "kind": "redeem",
            "points": -800,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000010",
              "label": "Early access: winter drop"
            },
            "status": "available",
            "balanceAfter": 45,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_141",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_131",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_117",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_82",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_82"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_66",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000030"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_51",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_27",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000031",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_13",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "bonus-next+checkIn": {
        "account": {
          "balance": 885,
          "pending": 180,
          "lifetime": 1565,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 435
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "streak_7",
              "name": "7-day streak",
              "earnedAt": "2026-03-02T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 7,
            "checkedInToday": true,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_99",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_147",
            "kind": "earn",
            "action": "streak_bonus",
            "points": 20,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 885,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_146",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-02"
            },
            "status": "available",
            "expiresAt": "2027-03-02T10:00:00.000Z",
            "balanceAfter": 865,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_134",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 860,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_120",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 855,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_106",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-27"
            },
            "status": "available",
            "expiresAt": "2027-02-27T10:00:00.000Z",
            "balanceAfter": 850,
            "createdAt": "2026-02-27T10:00:00.000Z"
          },
          {
            "id": "pe_104",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-26"
            },
            "status": "available",
            "expiresAt": "2027-02-26T10:00:00.000Z",
            "balanceAfter": 845,
            "createdAt": "2026-02-26T10:00:00.000Z"
          },
          {
            "id": "pe_102",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-25"
            },
            "status": "available",
            "expiresAt": "2027-02-25T10:00:00.000Z",
            "balanceAfter": 840,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_86",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-24"
            },
            "status": "available",
            "expiresAt": "2027-02-24T10:00:00.000Z",
            "balanceAfter": 835,
            "createdAt": "2026-02-24T10:00:00.000Z"
          },
          {
            "id": "pe_83",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_83"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_67",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000032"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_52",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_28",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000033",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_14",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      },
      "rich+redeem:rw-10p": {
        "account": {
          "balance": 100,
          "pending": 180,
          "lifetime": 1980,
          "tier": {
            "id": "silver",
            "name": "Silver",
            "perks": [
              "Early access to sales"
            ],
            "threshold": 500
          },
          "nextTier": {
            "id": "gold",
            "name": "Gold",
            "perks": [
              "Free shipping on every order",
              "Early access to sales"
            ],
            "threshold": 2000,
            "pointsNeeded": 20
          },
          "badges": [
            {
              "id": "first_purchase",
              "name": "First order",
              "earnedAt": "2025-05-06T10:00:00.000Z"
            },
            {
              "id": "first_redemption",
              "name": "First reward",
              "earnedAt": "2025-08-14T10:00:00.000Z"
            },
            {
              "id": "first_review",
              "name": "First review",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            },
            {
              "id": "photo_review",
              "name": "Photo reviewer",
              "earnedAt": "2026-01-21T10:00:00.000Z"
            }
          ],
          "checkIn": {
            "streak": 2,
            "checkedInToday": false,
            "nextPoints": 5
          },
          "expiring": null
        },
        "history": [
          {
            "id": "pe_100",
            "kind": "earn",
            "action": "purchase",
            "points": 180,
            "source": {
              "type": "order",
              "id": "o-1003"
            },
            "status": "pending",
            "availableAt": "2026-03-27T10:00:00.000Z",
            "expiresAt": "2027-03-27T10:00:00.000Z",
            "balanceAfter": null,
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "pe_145",
            "kind": "redeem",
            "points": -1200,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000019",
              "label": "10% off"
            },
            "status": "available",
            "balanceAfter": 100,
            "createdAt": "2026-03-02T10:00:00.000Z"
          },
          {
            "id": "pe_132",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-03-01"
            },
            "status": "available",
            "expiresAt": "2027-03-01T10:00:00.000Z",
            "balanceAfter": 1300,
            "createdAt": "2026-03-01T10:00:00.000Z"
          },
          {
            "id": "pe_118",
            "kind": "earn",
            "action": "check_in",
            "points": 5,
            "source": {
              "type": "check_in",
              "id": "2026-02-28"
            },
            "status": "available",
            "expiresAt": "2027-02-28T10:00:00.000Z",
            "balanceAfter": 1295,
            "createdAt": "2026-02-28T10:00:00.000Z"
          },
          {
            "id": "pe_70",
            "kind": "earn",
            "action": "purchase",
            "points": 460,
            "source": {
              "type": "order",
              "id": "o-1002"
            },
            "status": "available",
            "availableAt": "2026-02-25T10:00:00.000Z",
            "expiresAt": "2027-02-25T10:00:00.000Z",
            "balanceAfter": 1290,
            "createdAt": "2026-01-26T10:00:00.000Z"
          },
          {
            "id": "pe_84",
            "kind": "adjust",
            "points": 30,
            "source": {
              "type": "adjustment",
              "id": "pe_84"
            },
            "note": "Sorry your parcel was late",
            "status": "available",
            "expiresAt": "2027-02-18T10:00:00.000Z",
            "balanceAfter": 830,
            "createdAt": "2026-02-18T10:00:00.000Z"
          },
          {
            "id": "pe_68",
            "kind": "earn",
            "action": "photo_review",
            "points": 50,
            "source": {
              "type": "review",
              "id": "rev_00000000-0000-4000-8000-000000000034"
            },
            "status": "available",
            "expiresAt": "2027-01-21T10:00:00.000Z",
            "balanceAfter": 800,
            "createdAt": "2026-01-21T10:00:00.000Z"
          },
          {
            "id": "pe_53",
            "kind": "earn",
            "action": "referral",
            "points": 100,
            "source": {
              "type": "referral",
              "id": "friend-1"
            },
            "status": "available",
            "expiresAt": "2027-01-01T10:00:00.000Z",
            "balanceAfter": 750,
            "createdAt": "2026-01-01T10:00:00.000Z"
          },
          {
            "id": "pe_29",
            "kind": "redeem",
            "points": -500,
            "source": {
              "type": "redemption",
              "id": "rdm_00000000-0000-4000-8000-000000000035",
              "label": "$5 off"
            },
            "status": "available",
            "balanceAfter": 650,
            "createdAt": "2025-08-14T10:00:00.000Z"
          },
          {
            "id": "pe_15",
            "kind": "earn",
            "action": "purchase",
            "points": 1150,
            "source": {
              "type": "order",
              "id": "o-1001"
            },
            "status": "available",
            "availableAt": "2025-06-05T10:00:00.000Z",
            "expiresAt": "2026-06-05T10:00:00.000Z",
            "balanceAfter": 1150,
            "createdAt": "2025-05-06T10:00:00.000Z"
          }
        ]
      }
    }
  },
  "groupBuy": {
    "forming": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-1",
        "team-2"
      ],
      "yours": null,
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": []
    },
    "leading": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-1",
        "team-2"
      ],
      "yours": "team-you",
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-you",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Alex Kim",
          "members": [
            {
              "initials": "AK",
              "leader": true,
              "seat": "held"
            }
          ],
          "confirmedCount": 0,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-02T10:00:00.000Z",
          "expiresAt": "2026-03-03T10:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "held",
              "leader": true,
              "holdExpiresAt": "2026-03-02T10:15:00.000Z",
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-you",
      "script": []
    },
    "reserved": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-2"
      ],
      "yours": "team-1",
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "held"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "held",
              "leader": false,
              "holdExpiresAt": "2026-03-02T10:15:00.000Z",
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "held"
            },
            {
              "initials": "ML",
              "leader": false,
              "seat": "held"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 3,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "held",
              "leader": false,
              "holdExpiresAt": "2026-03-02T10:15:00.000Z",
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-mei": {
              "seat": "held",
              "leader": false,
              "holdExpiresAt": "2026-03-02T10:16:00.000Z",
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "held"
            },
            {
              "initials": "ML",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 3,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "held",
              "leader": false,
              "holdExpiresAt": "2026-03-02T10:15:00.000Z",
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-mei": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ]
    },
    "succeeded": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-2"
      ],
      "yours": "team-1",
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": []
    },
    "deeper-tier": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 4,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-2"
      ],
      "yours": "team-1",
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "ML",
              "leader": false,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 3,
          "seatCount": 3,
          "maxMembers": 4,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            },
            "c-mei": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 4,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": []
    },
    "full": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-2"
      ],
      "yours": "team-1",
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "closed",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "ML",
              "leader": false,
              "seat": "confirmed"
            },
            {
              "initials": "AK",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 3,
          "seatCount": 3,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "endedAt": "2026-03-02T09:51:00.000Z",
          "you": {
            "demo-customer": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            },
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            },
            "c-mei": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": []
    },
    "expired": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "active",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-1",
        "team-2"
      ],
      "yours": null,
      "teams": [
        {
          "id": "team-expired",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "expired",
          "leaderName": "Alex Kim",
          "members": [
            {
              "initials": "AK",
              "leader": true,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T09:00:00.000Z",
          "expiresAt": "2026-03-02T09:00:00.000Z",
          "endedAt": "2026-03-02T09:00:00.001Z",
          "you": {
            "demo-customer": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-expired",
      "script": []
    },
    "scheduled": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-03-02T12:00:00.000Z",
        "status": "scheduled",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [],
      "yours": null,
      "teams": [],
      "teamId": null,
      "script": []
    },
    "ended": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "endsAt": "2026-03-02T09:00:00.000Z",
        "status": "ended",
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [],
      "yours": null,
      "teams": [],
      "teamId": null,
      "script": []
    },
    "sold-out": {
      "campaign": {
        "id": "gb-1",
        "product": {
          "id": "p1",
          "title": "Everyday tote"
        },
        "soloPrice": {
          "minor": 5900,
          "currency": "USD"
        },
        "tiers": [
          {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          {
            "size": 3,
            "price": {
              "minor": 5015,
              "currency": "USD"
            }
          }
        ],
        "teamDurationSeconds": 86400,
        "maxMembers": 3,
        "holdSeconds": 900,
        "startsAt": "2026-02-28T10:00:00.000Z",
        "status": "sold_out",
        "seatsLeft": 0,
        "reward": {
          "description": "Free gift wrap"
        }
      },
      "listed": [
        "team-1",
        "team-2"
      ],
      "yours": null,
      "teams": [
        {
          "id": "team-1",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "forming",
          "leaderName": "Wei",
          "members": [
            {
              "initials": "W",
              "leader": true,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 1,
          "seatCount": 1,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": null,
          "createdAt": "2026-03-01T14:00:00.000Z",
          "expiresAt": "2026-03-02T14:00:00.000Z",
          "you": {
            "c-wei": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        },
        {
          "id": "team-2",
          "campaignId": "gb-1",
          "productId": "p1",
          "state": "succeeded",
          "leaderName": "Lin Chen",
          "members": [
            {
              "initials": "LC",
              "leader": true,
              "seat": "confirmed"
            },
            {
              "initials": "S",
              "leader": false,
              "seat": "confirmed"
            }
          ],
          "confirmedCount": 2,
          "seatCount": 2,
          "maxMembers": 3,
          "tiers": [
            {
              "size": 2,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            {
              "size": 3,
              "price": {
                "minor": 5015,
                "currency": "USD"
              }
            }
          ],
          "soloPrice": {
            "minor": 5900,
            "currency": "USD"
          },
          "tierReached": {
            "size": 2,
            "price": {
              "minor": 5310,
              "currency": "USD"
            }
          },
          "createdAt": "2026-03-02T07:00:00.000Z",
          "expiresAt": "2026-03-03T07:00:00.000Z",
          "you": {
            "c-lin": {
              "seat": "confirmed",
              "leader": true,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            },
            "c-sam": {
              "seat": "confirmed",
              "leader": false,
              "price": {
                "minor": 5310,
                "currency": "USD"
              }
            }
          }
        }
      ],
      "teamId": "team-1",
      "script": []
    }
  },
  "referrals": {
    "advocate": {
      "link": {
        "code": "ALEX-7Q2K",
        "url": "https://shop.example.com/?kith_ref=ALEX-7Q2K",
        "incentive": {
          "friend": {
            "kind": "coupon",
            "amountOff": {
              "minor": 1000,
              "currency": "USD"
            }
          },
          "advocate": {
            "kind": "points",
            "points": 100
          }
        }
      },
      "offers": {
        "LIN-8H3M": {
          "code": "LIN-8H3M",
          "advocateName": "Lin",
          "incentive": {
            "friend": {
              "kind": "coupon",
              "amountOff": {
                "minor": 1000,
                "currency": "USD"
              }
            },
            "advocate": {
              "kind": "points",
              "points": 100
            }
          },
          "couponCode": "FRIEND-LIN-8H3M"
        },
        "ALEX-7Q2K": {
          "code": "ALEX-7Q2K",
          "advocateName": "Alex",
          "incentive": {
            "friend": {
              "kind": "coupon",
              "amountOff": {
                "minor": 1000,
                "currency": "USD"
              }
            },
            "advocate": {
              "kind": "points",
              "points": 100
            }
          },
          "couponCode": "FRIEND-ALEX-7Q2K"
        }
      },
      "stats": {
        "code": "ALEX-7Q2K",
        "clicks": 42,
        "signups": 9,
        "conversions": 5,
        "rewards": {
          "pending": 3,
          "approved": 2
        },
        "recent": [
          {
            "id": "rc_00000000000040008000000000000036",
            "status": "flagged",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:30:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000037",
            "status": "pending",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:00:00.000Z",
            "approvesAt": "2026-03-30T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000038",
            "status": "denied",
            "friendInitials": "D",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000039",
            "status": "pending",
            "friendInitials": "R",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-24T10:00:00.000Z",
            "approvesAt": "2026-03-26T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000040",
            "status": "approved",
            "friendInitials": "J",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-12-02T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000041",
            "status": "approved",
            "friendInitials": "M",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-10-23T10:00:00.000Z"
          }
        ]
      }
    },
    "new-advocate": {
      "link": null,
      "offers": {
        "LIN-8H3M": {
          "code": "LIN-8H3M",
          "advocateName": "Lin",
          "incentive": {
            "friend": {
              "kind": "coupon",
              "amountOff": {
                "minor": 1000,
                "currency": "USD"
              }
            },
            "advocate": {
              "kind": "points",
              "points": 100
            }
          },
          "couponCode": "FRIEND-LIN-8H3M"
        }
      },
      "stats": null
    },
    "no-program": {
      "link": {
        "code": "ALEX-7Q2K",
        "url": "https://shop.example.com/?kith_ref=ALEX-7Q2K",
        "incentive": null
      },
      "offers": {
        "LIN-8H3M": {
          "status": 404,
          "code": "not_found",
          "message": "Referral code LIN-8H3M not found"
        },
        "ALEX-7Q2K": {
          "status": 404,
          "code": "not_found",
          "message": "Referral code ALEX-7Q2K not found"
        }
      },
      "stats": {
        "code": "ALEX-7Q2K",
        "clicks": 42,
        "signups": 9,
        "conversions": 5,
        "rewards": {
          "pending": 3,
          "approved": 2
        },
        "recent": [
          {
            "id": "rc_00000000000040008000000000000042",
            "status": "flagged",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:30:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000043",
            "status": "pending",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:00:00.000Z",
            "approvesAt": "2026-03-30T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000044",
            "status": "denied",
            "friendInitials": "D",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000045",
            "status": "pending",
            "friendInitials": "R",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-24T10:00:00.000Z",
            "approvesAt": "2026-03-26T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000046",
            "status": "approved",
            "friendInitials": "J",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-12-02T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000047",
            "status": "approved",
            "friendInitials": "M",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-10-23T10:00:00.000Z"
          }
        ]
      }
    },
    "capped": {
      "link": {
        "code": "ALEX-7Q2K",
        "url": "https://shop.example.com/?kith_ref=ALEX-7Q2K",
        "incentive": {
          "friend": {
            "kind": "coupon",
            "amountOff": {
              "minor": 1000,
              "currency": "USD"
            }
          },
          "advocate": {
            "kind": "points",
            "points": 100
          }
        }
      },
      "offers": {
        "LIN-8H3M": {
          "status": 404,
          "code": "code_capped",
          "message": "This code has been used as often as it may"
        },
        "ALEX-7Q2K": {
          "status": 404,
          "code": "code_capped",
          "message": "This code has been used as often as it may"
        }
      },
      "stats": {
        "code": "ALEX-7Q2K",
        "clicks": 42,
        "signups": 9,
        "conversions": 5,
        "rewards": {
          "pending": 3,
          "approved": 2
        },
        "recent": [
          {
            "id": "rc_00000000000040008000000000000048",
            "status": "flagged",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:30:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000049",
            "status": "pending",
            "friendInitials": "Y",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-28T10:00:00.000Z",
            "approvesAt": "2026-03-30T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000050",
            "status": "denied",
            "friendInitials": "D",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-25T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000051",
            "status": "pending",
            "friendInitials": "R",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2026-02-24T10:00:00.000Z",
            "approvesAt": "2026-03-26T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000052",
            "status": "approved",
            "friendInitials": "J",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-12-02T10:00:00.000Z"
          },
          {
            "id": "rc_00000000000040008000000000000053",
            "status": "approved",
            "friendInitials": "M",
            "reward": {
              "kind": "points",
              "points": 100
            },
            "createdAt": "2025-10-23T10:00:00.000Z"
          }
        ]
      }
    }
  }
};
